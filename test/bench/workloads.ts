/** Synthetic manifests for benchmarks: realistic Deployments (probes, resources, env, two containers every third). */

export function deploymentYaml(i: number): string {
  const second = i % 3 === 0
    ? `
        - name: worker
          image: busybox:1.36
          command: ["sh", "-c", "sleep 3600"]
          env:
            - name: MODE
              value: "worker-${i}"`
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 17}
  labels:
    app: app-${i}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
        version: v${i % 4}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.${i % 10}.0
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi${second}
`;
}

/** `count` Deployments separated by `---`. */
export function manifestOf(count: number): string {
  return Array.from({ length: count }, (_, i) => deploymentYaml(i)).join('---\n');
}
