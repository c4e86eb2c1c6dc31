/**
 * Our `gateway` injection template (pods annotated `inject.istio.io/templates: gateway`): the proxy runs as a router
 * in the pod's own `istio-proxy` container, without traffic capture, as Istio's gateway template renders it for a
 * default-profile install.
 */
import { SHARED_FRAGMENTS } from './shared-fragments';

const GATEWAY_BODY = String.raw`
{{- $lbl := .ObjectMeta.Labels }}
{{- $proxy := .Values.global.proxy }}
{{- $appNames := list }}
{{- range .Spec.Containers }}{{ if ne .Name "istio-proxy" }}{{ $appNames = append $appNames .Name }}{{ end }}{{ end }}
metadata:
  labels:
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
spec:
  securityContext:
{{- with .Values.gateways.securityContext }}
{{- toYaml . | nindent 4 }}
{{- else }}
    {{- /* lets the router bind ports below 1024 without privileges */}}
    sysctls:
    - name: net.ipv4.ip_unprivileged_port_start
      value: "0"
{{- end }}
  containers:
  - name: istio-proxy
{{- $proxyImage := annotation .ObjectMeta "sidecar.istio.io/proxyImage" $proxy.image }}
    image: {{ if contains "/" $proxyImage }}{{ $proxyImage | quote }}{{ else }}{{ .ProxyImage | quote }}{{ end }}
    ports:
    - name: http-envoy-prom
      containerPort: 15090
      protocol: TCP
    args:
    - proxy
    - router
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
{{- with $proxy.lifecycle }}
    lifecycle:
      {{ toYaml . | indent 6 }}
{{- end }}
    securityContext:
      runAsUser: {{ .ProxyUID | default "1337" }}
      runAsGroup: {{ .ProxyGID | default "1337" }}
    env:
{{- template "istio-proxy-agent-env" . }}
{{- template "istio-proxy-cpu-env" . }}
{{- template "istio-proxy-config-env" . }}
{{- template "istio-proxy-memory-env" . }}
    - name: ISTIO_META_APP_CONTAINERS
      value: {{ join "," $appNames | quote }}
    - name: ISTIO_META_CLUSTER_ID
      value: {{ valueOrDefault .Values.global.multiCluster.clusterName "Kubernetes" | quote }}
{{- template "istio-proxy-node-env" . }}
    - name: ISTIO_META_INTERCEPTION_MODE
      value: {{ .ProxyConfig.InterceptionMode.String | quote }}
{{- with .Values.global.network }}
    - name: ISTIO_META_NETWORK
      value: {{ . | quote }}
{{- end }}
{{- with .DeploymentMeta.Name }}
    - name: ISTIO_META_WORKLOAD_NAME
      value: {{ . | quote }}
{{- end }}
{{- template "istio-proxy-owner-env" . }}
{{- template "istio-proxy-bootstrap-env" . }}
{{- template "istio-proxy-mesh-env" . }}
{{- range $name, $value := .ProxyConfig.ProxyMetadata }}
    - name: {{ $name }}
      value: "{{ $value }}"
{{- end }}
{{- with .Values.global.imagePullPolicy }}
    imagePullPolicy: {{ . | quote }}
{{- end }}
    readinessProbe:
      httpGet: {path: /healthz/ready, port: 15021}
      initialDelaySeconds: {{ $proxy.readinessInitialDelaySeconds }}
      periodSeconds: {{ $proxy.readinessPeriodSeconds }}
      timeoutSeconds: 3
      failureThreshold: {{ $proxy.readinessFailureThreshold }}
    volumeMounts:
{{- template "istio-proxy-identity-mounts" . }}
{{- if eq .Values.global.pilotCertProvider "istiod" }}
    - name: istiod-ca-cert
      mountPath: /var/run/secrets/istio
{{- end }}
    - name: istio-data
      mountPath: /var/lib/istio/data
{{- if isset .ObjectMeta.Annotations "sidecar.istio.io/bootstrapOverride" }}
    - name: custom-bootstrap-volume
      mountPath: /etc/istio/custom-bootstrap
{{- end }}
    - name: istio-envoy
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
  volumes:
  {{- /* as Istio renders it: the first socket volume has a null emptyDir */}}
  - name: workload-socket
    emptyDir: null
  - name: credential-socket
    emptyDir: {}
{{- if eq .Values.global.caName "GkeWorkloadCertificate" }}
  - name: gke-workload-certificate
    csi:
      driver: workloadcertificates.security.cloud.google.com
{{- else }}
  - name: workload-certs
    emptyDir: {}
{{- end }}
{{- template "istio-proxy-bootstrap-volume" . }}
  - name: istio-envoy
    emptyDir: {medium: Memory}
{{- template "istio-proxy-data-volumes" . }}
{{- template "istio-proxy-mtls-volume" . }}
{{- template "istio-proxy-pull-secrets" . }}
`;

/** The `gateway` template source. */
export const GATEWAY_TEMPLATE_SOURCE: string = SHARED_FRAGMENTS + GATEWAY_BODY;
