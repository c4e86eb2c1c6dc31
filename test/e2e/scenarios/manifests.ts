/** The manifests the scenarios open, and where their documents start (1-based lines, as the Problems panel shows). */

export const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

export const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: hello
`;

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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

/** Service, ConfigMap and Deployment in one file. */
export const APP = [SERVICE, CONFIG_MAP, DEPLOYMENT].join('---\n');

/** The 1-based line ranges of APP's documents. */
export const APP_LINES = documentLines([SERVICE, CONFIG_MAP, DEPLOYMENT]);

function documentLines(docs: string[]): { first: number; last: number }[] {
  const ranges: { first: number; last: number }[] = [];
  let line = 1;
  for (const doc of docs) {
    const count = doc.split('\n').length - 1;
    ranges.push({ first: line, last: line + count - 1 });
    line += count + 1; // the separator line
  }
  return ranges;
}
