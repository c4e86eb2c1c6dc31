/**
 * Our templates for proxyless gRPC workloads, as a default-profile install renders them:
 * - `grpc-agent`: the Istio agent runs beside the application without Envoy (DISABLE_ENVOY) and serves xDS and
 *   certificates over a shared socket directory; every application container is pointed at its gRPC bootstrap.
 * - `grpc-simple`: no agent; an init container writes a static gRPC bootstrap that talks to istiod directly.
 */
import { SHARED_FRAGMENTS } from './shared-fragments';

const GRPC_AGENT_BODY = String.raw`
{{- $lbl := .ObjectMeta.Labels }}
{{- $proxy := .Values.global.proxy }}
{{- $gkeCerts := eq .Values.global.caName "GkeWorkloadCertificate" }}
{{- $statusPort := annotation .ObjectMeta "status.sidecar.istio.io/port" $proxy.statusPort }}
{{- $appNames := list }}
{{- range .Spec.Containers }}{{ if ne .Name "istio-proxy" }}{{ $appNames = append $appNames .Name }}{{ end }}{{ end }}
metadata:
  labels:
    {{- /* no security.istio.io/tlsMode: a gRPC application opts into mTLS in its own code, so the user sets it */}}
    service.istio.io/canonical-name: {{ index $lbl "service.istio.io/canonical-name" | default (index $lbl "app.kubernetes.io/name") | default (index $lbl "app") | default .DeploymentMeta.Name | quote }}
    service.istio.io/canonical-revision: {{ index $lbl "service.istio.io/canonical-revision" | default (index $lbl "app.kubernetes.io/version") | default (index $lbl "version") | default "latest" | quote }}
  annotations:
    istio.io/rev: {{ .Revision | default "default" | quote }}
{{- if $appNames }}
{{- if not (isset .ObjectMeta.Annotations "kubectl.kubernetes.io/default-logs-container") }}
    kubectl.kubernetes.io/default-logs-container: {{ index $appNames 0 | quote }}
{{- end }}
{{- if not (isset .ObjectMeta.Annotations "kubectl.kubernetes.io/default-container") }}
    kubectl.kubernetes.io/default-container: {{ index $appNames 0 | quote }}
{{- end }}
{{- end }}
    sidecar.istio.io/rewriteAppHTTPProbers: "false"
spec:
  containers:
  - name: istio-proxy
{{- $proxyImage := annotation .ObjectMeta "sidecar.istio.io/proxyImage" $proxy.image }}
    image: {{ if contains "/" $proxyImage }}{{ $proxyImage | quote }}{{ else }}{{ .ProxyImage | quote }}{{ end }}
    ports:
    - name: mesh-metrics
      containerPort: 15020
      protocol: TCP
    args:
    - proxy
    - sidecar
    - --domain
    - $(POD_NAMESPACE).svc.{{ $proxy.clusterDomain }}
    - {{ printf "--proxyLogLevel=%s" (annotation .ObjectMeta "sidecar.istio.io/logLevel" $proxy.logLevel) | quote }}
    - {{ printf "--proxyComponentLogLevel=%s" (annotation .ObjectMeta "sidecar.istio.io/componentLogLevel" $proxy.componentLogLevel) | quote }}
    - {{ printf "--log_output_level=%s" (annotation .ObjectMeta "sidecar.istio.io/agentLogLevel" .Values.global.logging.level) | quote }}
{{- with .Values.global.sts.servicePort }}
    - --stsPort={{ . }}
{{- end }}
{{- if .Values.global.logAsJson }}
    - --log_as_json
{{- end }}
    lifecycle:
      postStart:
        exec:
          command: [pilot-agent, wait, "--url=http://localhost:15020/healthz/ready"]
    env:
    - name: ISTIO_META_GENERATOR
      value: grpc
    - name: OUTPUT_CERTS
      value: /var/lib/istio/data
{{- if eq .InboundTrafficPolicyMode "localhost" }}
    - name: REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION
      value: "true"
{{- end }}
{{- template "istio-proxy-agent-env" . }}
{{- template "istio-proxy-config-env" . }}
    - name: ISTIO_META_APP_CONTAINERS
      value: {{ join "," $appNames | quote }}
    - name: ISTIO_META_CLUSTER_ID
      value: {{ valueOrDefault .Values.global.multiCluster.clusterName "Kubernetes" | quote }}
{{- template "istio-proxy-node-env" . }}
{{- with .Values.global.network }}
    - name: ISTIO_META_NETWORK
      value: {{ . | quote }}
{{- end }}
{{- with .DeploymentMeta.Name }}
    - name: ISTIO_META_WORKLOAD_NAME
      value: {{ . | quote }}
{{- end }}
{{- template "istio-proxy-owner-env" . }}
{{- template "istio-proxy-mesh-env" . }}
{{- range $name, $value := .ProxyConfig.ProxyMetadata }}
    - name: {{ $name }}
      value: "{{ $value }}"
{{- end }}
    {{- /* gRPC resolves xds:/// names itself: no DNS capture, and no Envoy */}}
    - name: ISTIO_META_DNS_CAPTURE
      value: "false"
    - name: DISABLE_ENVOY
      value: "true"
{{- with .Values.global.imagePullPolicy }}
    imagePullPolicy: {{ . | quote }}
{{- end }}
{{- /* Istio's template renders probe, resources and mounts of the agent only when its status port is on. */}}
{{- if ne $statusPort "0" }}
    readinessProbe:
      httpGet: {path: /healthz/ready, port: 15020}
      initialDelaySeconds: {{ annotation .ObjectMeta "readiness.status.sidecar.istio.io/initialDelaySeconds" $proxy.readinessInitialDelaySeconds }}
      periodSeconds: {{ annotation .ObjectMeta "readiness.status.sidecar.istio.io/periodSeconds" $proxy.readinessPeriodSeconds }}
      timeoutSeconds: 3
      failureThreshold: {{ annotation .ObjectMeta "readiness.status.sidecar.istio.io/failureThreshold" $proxy.readinessFailureThreshold }}
    resources:
{{- template "istio-proxy-resources" . }}
    volumeMounts:
    - name: workload-socket
      mountPath: /var/run/secrets/workload-spiffe-uds
{{- if $gkeCerts }}
    - name: gke-workload-certificate
      mountPath: /var/run/secrets/workload-spiffe-credentials
      readOnly: true
{{- else }}
    - name: workload-certs
      mountPath: /var/run/secrets/workload-spiffe-credentials
{{- end }}
{{- if eq .Values.global.pilotCertProvider "istiod" }}
    - name: istiod-ca-cert
      mountPath: /var/run/secrets/istio
{{- end }}
    - name: istio-data
      mountPath: /var/lib/istio/data
    - name: istio-xds
      mountPath: /etc/istio/proxy
    - name: istio-token
      mountPath: /var/run/secrets/tokens
{{- if .Values.global.mountMtlsCerts }}
    - name: istio-certs
      mountPath: /etc/certs/
      readOnly: true
{{- end }}
    - name: istio-podinfo
      mountPath: /etc/istio/pod
{{- if isset .ObjectMeta.Annotations "sidecar.istio.io/userVolumeMount" }}
{{- range $name, $mount := fromJSON (index .ObjectMeta.Annotations "sidecar.istio.io/userVolumeMount") }}
    - name: {{ $name | quote }}
      {{ toYaml $mount | indent 6 }}
{{- end }}
{{- end }}
{{- end }}
{{- range $appNames }}
  - name: {{ . }}
    env:
    - name: GRPC_XDS_EXPERIMENTAL_SECURITY_SUPPORT
      value: "true"
    - name: GRPC_XDS_BOOTSTRAP
      value: /etc/istio/proxy/grpc-bootstrap.json
    volumeMounts:
    - name: istio-data
      mountPath: /var/lib/istio/data
    - name: istio-xds
      mountPath: /etc/istio/proxy
{{- if $gkeCerts }}
    - name: gke-workload-certificate
      mountPath: /var/run/secrets/workload-spiffe-credentials
      readOnly: true
{{- else }}
    - name: workload-certs
      mountPath: /var/run/secrets/workload-spiffe-credentials
{{- end }}
{{- end }}
  volumes:
  - name: workload-socket
    emptyDir: null
{{- if $gkeCerts }}
  - name: gke-workload-certificate
    csi:
      driver: workloadcertificates.security.cloud.google.com
{{- else }}
  - name: workload-certs
    emptyDir: null
{{- end }}
{{- template "istio-proxy-bootstrap-volume" . }}
  - name: istio-xds
    emptyDir: {medium: Memory}
{{- template "istio-proxy-data-volumes" . }}
{{- template "istio-proxy-mtls-volume" . }}
{{- if isset .ObjectMeta.Annotations "sidecar.istio.io/userVolume" }}
{{- range $name, $volume := fromJSON (index .ObjectMeta.Annotations "sidecar.istio.io/userVolume") }}
  - name: {{ $name | quote }}
    {{ toYaml $volume | indent 4 }}
{{- end }}
{{- end }}
{{- template "istio-proxy-pull-secrets" . }}
`;

/** The `grpc-agent` template source. */
export const GRPC_AGENT_TEMPLATE_SOURCE: string = SHARED_FRAGMENTS + GRPC_AGENT_BODY;

/** The shell script of grpc-simple's init container: writes a bootstrap pointing gRPC at istiod's plaintext port. */
const GRPC_BOOTSTRAP_SCRIPT = [
  'NODE_ID="sidecar~${INSTANCE_IP}~${POD_NAME}.${POD_NAMESPACE}~cluster.local"',
  'SERVER_URI="dns:///istiod.${ISTIO_NAMESPACE}.svc:15010"',
  "echo '",
  '{',
  '  "xds_servers": [',
  '    {',
  `      "server_uri": "'\${SERVER_URI}'",`,
  '      "channel_creds": [{"type": "insecure"}],',
  '      "server_features" : ["xds_v3"]',
  '    }',
  '  ],',
  '  "node": {',
  `    "id": "'\${NODE_ID}'",`,
  '    "metadata": {',
  '      "GENERATOR": "grpc"',
  '    }',
  '  }',
  "}' > /var/lib/grpc/data/bootstrap.json",
];

/** The `grpc-simple` template source. */
export const GRPC_SIMPLE_TEMPLATE_SOURCE: string = String.raw`
metadata:
  annotations:
    sidecar.istio.io/rewriteAppHTTPProbers: "false"
spec:
  initContainers:
  - name: grpc-bootstrap-init
    image: busybox:1.28
    volumeMounts:
    - name: grpc-io-proxyless-bootstrap
      mountPath: /var/lib/grpc/data/
    env:
    - name: INSTANCE_IP
      valueFrom: {fieldRef: {fieldPath: status.podIP}}
    - name: POD_NAME
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: POD_NAMESPACE
      valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
    - name: ISTIO_NAMESPACE
      {{- /* a block scalar: the value keeps its trailing newline, as Istio renders it */}}
      value: |
        {{ .Values.global.istioNamespace }}
    command:
    - sh
    - "-c"
    - |-
` + GRPC_BOOTSTRAP_SCRIPT.map((line) => `      ${line}\n`).join('') + String.raw`  containers:
{{- range .Spec.Containers }}
  - name: {{ .Name }}
    env:
    - name: GRPC_XDS_BOOTSTRAP
      value: /var/lib/grpc/data/bootstrap.json
    - name: GRPC_GO_LOG_VERBOSITY_LEVEL
      value: "99"
    - name: GRPC_GO_LOG_SEVERITY_LEVEL
      value: info
    volumeMounts:
    - name: grpc-io-proxyless-bootstrap
      mountPath: /var/lib/grpc/data/
{{- end }}
  volumes:
  - name: grpc-io-proxyless-bootstrap
    emptyDir: {}
`;
