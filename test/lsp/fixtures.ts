/** Manifests for the language server tests: documents that need different answers, and a large generated file. */

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 8080
`;

export const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`;

export const HOST_NETWORK = `apiVersion: v1
kind: Pod
metadata:
  name: node-agent
spec:
  hostNetwork: true
  containers:
  - name: agent
    image: busybox
`;

export const NOT_KUBERNETES = `# just some settings
colors:
  - red
  - blue
`;

export const BROKEN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: [unclosed
`;

/** Documents joined as a stream. */
export function stream(...docs: string[]): string {
  return docs.join('---\n');
}

/** A file of `n` small Deployments (about 50 lines each with padding comments). */
export function manyDeployments(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    docs.push(DEPLOYMENT.replaceAll('web', `web-${i}`) + '# padding\n'.repeat(30));
  }
  return stream(...docs);
}
