/**
 * Our `sidecar` injection template (Go text/template): renders, for a default-profile install, the pod patch that
 * Istio's own sidecar template renders (same containers, args, env, probes, volumes and annotations). It reads the
 * same template data and the Helm value paths of builtin/values.ts, so users' value overrides keep their meaning.
 */
import { SHARED_FRAGMENTS } from './shared-fragments';

const SIDECAR_BODY = String.raw`
{{- $ann := .ObjectMeta.Annotations }}
{{- $lbl := .ObjectMeta.Labels }}
{{- $proxy := .Values.global.proxy }}
{{- $cni := .Values.pilot.cni.enabled }}
{{- $mode := annotation .ObjectMeta "sidecar.istio.io/interceptionMode" .ProxyConfig.InterceptionMode }}
{{- $tproxy := eq $mode "TPROXY" }}
{{- $bindLowPorts := eq (annotation .ObjectMeta "sidecar.istio.io/capNetBindService" $proxy.capNetBindService) "true" }}
{{- $native := ne (index $ann "sidecar.istio.io/nativeSidecar" | default (printf "%t" .NativeSidecars)) "false" }}
{{- $statusPort := annotation .ObjectMeta "status.sidecar.istio.io/port" $proxy.statusPort }}
{{- $excludedInbound := excludeInboundPort $statusPort (annotation .ObjectMeta "traffic.sidecar.istio.io/excludeInboundPorts" $proxy.excludeInboundPorts) }}
{{- $includeOutboundIPs := annotation .ObjectMeta "traffic.sidecar.istio.io/includeOutboundIPRanges" $proxy.includeIPRanges }}
{{- $excludeOutboundIPs := annotation .ObjectMeta "traffic.sidecar.istio.io/excludeOutboundIPRanges" $proxy.excludeIPRanges }}
{{- $includeInboundPorts := annotation .ObjectMeta "traffic.sidecar.istio.io/includeInboundPorts" $proxy.includeInboundPorts }}
{{- $withOutboundPorts := or (isset $ann "traffic.sidecar.istio.io/includeOutboundPorts") (ne (valueOrDefault $proxy.includeOutboundPorts "") "") }}
{{- $withoutOutboundPorts := or (isset $ann "traffic.sidecar.istio.io/excludeOutboundPorts") (ne (valueOrDefault $proxy.excludeOutboundPorts "") "") }}
{{- $agentLog := printf "--log_output_level=%s" (annotation .ObjectMeta "sidecar.istio.io/agentLogLevel" .Values.global.logging.level) }}
{{- $holdApp := and (or .ProxyConfig.HoldApplicationUntilProxyStarts.GetValue $proxy.holdApplicationUntilProxyStarts) (not $native) }}
{{- $trustDomain := valueOrDefault .MeshConfig.TrustDomain .Values.global.trustDomain }}
{{- $appNames := list }}
{{- range .Spec.Containers }}{{ if ne .Name "istio-proxy" }}{{ $appNames = append $appNames .Name }}{{ end }}{{ end }}
metadata:
  labels:
    security.istio.io/tlsMode: {{ index $lbl "security.istio.io/tlsMode" | default "istio" | quote }}
{{- if eq (index .ProxyConfig.ProxyMetadata "ISTIO_META_ENABLE_HBONE") "true" }}
    networking.istio.io/tunnel: {{ index $lbl "networking.istio.io/tunnel" | default "http" | quote }}
{{- end }}
    service.istio.io/canonical-name: {{ index $lbl "service.istio.io/canonical-name" | default (index $lbl "app.kubernetes.io/name") | default (index $lbl "app") | default .DeploymentMeta.Name | trunc 63 | trimAll "-_." | quote }}
    service.istio.io/canonical-revision: {{ index $lbl "service.istio.io/canonical-revision" | default (index $lbl "app.kubernetes.io/version") | default (index $lbl "version") | default "latest" | quote }}
  annotations:
    istio.io/rev: {{ .Revision | default "default" | quote }}
{{- if $appNames }}
{{- if not (isset $ann "kubectl.kubernetes.io/default-logs-container") }}
    kubectl.kubernetes.io/default-logs-container: {{ index $appNames 0 | quote }}
{{- end }}
{{- if not (isset $ann "kubectl.kubernetes.io/default-container") }}
    kubectl.kubernetes.io/default-container: {{ index $appNames 0 | quote }}
{{- end }}
{{- end }}
{{- if $cni }}
{{- if eq .Values.pilot.cni.provider "multus" }}
    k8s.v1.cni.cncf.io/networks: {{ appendMultusNetwork (index $ann "k8s.v1.cni.cncf.io/networks") "default/istio-cni" | quote }}
{{- end }}
    sidecar.istio.io/interceptionMode: {{ $mode | quote }}
{{- with $includeOutboundIPs }}
    traffic.sidecar.istio.io/includeOutboundIPRanges: {{ . | quote }}
{{- end }}
{{- with $excludeOutboundIPs }}
    traffic.sidecar.istio.io/excludeOutboundIPRanges: {{ . | quote }}
{{- end }}
    traffic.sidecar.istio.io/includeInboundPorts: {{ $includeInboundPorts | quote }}
    traffic.sidecar.istio.io/excludeInboundPorts: {{ $excludedInbound | quote }}
{{- if $withOutboundPorts }}
    traffic.sidecar.istio.io/includeOutboundPorts: {{ annotation .ObjectMeta "traffic.sidecar.istio.io/includeOutboundPorts" $proxy.includeOutboundPorts | quote }}
{{- end }}
{{- if or (isset $ann "traffic.sidecar.istio.io/excludeOutboundPorts") (ne $proxy.excludeOutboundPorts "") }}
    traffic.sidecar.istio.io/excludeOutboundPorts: {{ annotation .ObjectMeta "traffic.sidecar.istio.io/excludeOutboundPorts" $proxy.excludeOutboundPorts | quote }}
{{- end }}
{{- range $key := list "traffic.sidecar.istio.io/kubevirtInterfaces" "istio.io/reroute-virtual-interfaces" "traffic.sidecar.istio.io/excludeInterfaces" }}
{{- with index $ann $key }}
    {{ $key }}: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}
spec:
{{- /* Native sidecars live among the init containers; without capture and without them there is no init container. */}}
{{- if and (eq $mode "NONE") (not $native) }}
  initContainers: []
{{- else }}
  initContainers:
{{- end }}
{{- if ne $mode "NONE" }}
  - name: {{ if $cni }}istio-validation{{ else }}istio-init{{ end }}
{{- $initImage := annotation .ObjectMeta "sidecar.istio.io/proxyImage" .Values.global.proxy_init.image }}
    image: {{ if contains "/" $initImage }}{{ $initImage | quote }}{{ else }}{{ .ProxyInitImage | quote }}{{ end }}
    args:
    - istio-iptables
    - "-p"
    - {{ .MeshConfig.ProxyListenPort | default "15001" | quote }}
    - "-z"
    - {{ .MeshConfig.ProxyInboundListenPort | default "15006" | quote }}
    - "-u"
    - {{ if $tproxy }}"1337"{{ else }}{{ .ProxyUID | default "1337" | quote }}{{ end }}
    - "-m"
    - {{ $mode | quote }}
    - "-i"
    - {{ $includeOutboundIPs | quote }}
    - "-x"
    - {{ $excludeOutboundIPs | quote }}
    - "-b"
    - {{ $includeInboundPorts | quote }}
    - "-d"
    - {{ if $excludedInbound }}{{ printf "15090,15021,%s" $excludedInbound | quote }}{{ else }}"15090,15021"{{ end }}
{{- if $withOutboundPorts }}
    - "-q"
    - {{ annotation .ObjectMeta "traffic.sidecar.istio.io/includeOutboundPorts" $proxy.includeOutboundPorts | quote }}
{{- end }}
{{- if $withoutOutboundPorts }}
    - "-o"
    - {{ annotation .ObjectMeta "traffic.sidecar.istio.io/excludeOutboundPorts" $proxy.excludeOutboundPorts | quote }}
{{- end }}
{{- if isset $ann "istio.io/reroute-virtual-interfaces" }}
    - "-k"
    - {{ index $ann "istio.io/reroute-virtual-interfaces" | quote }}
{{- else if isset $ann "traffic.sidecar.istio.io/kubevirtInterfaces" }}
    - "-k"
    - {{ index $ann "traffic.sidecar.istio.io/kubevirtInterfaces" | quote }}
{{- end }}
{{- if isset $ann "traffic.sidecar.istio.io/excludeInterfaces" }}
    - "-c"
    - {{ index $ann "traffic.sidecar.istio.io/excludeInterfaces" | quote }}
{{- end }}
    - {{ $agentLog | quote }}
{{- if .Values.global.logAsJson }}
    - "--log_as_json"
{{- end }}
{{- if $cni }}
    - "--run-validation"
    - "--skip-rule-apply"
{{- else if .Values.global.proxy_init.forceApplyIptables }}
    - "--force-apply"
{{- end }}
{{- if .Values.global.nativeNftables }}
    - "--native-nftables"
{{- end }}
{{- with .Values.global.imagePullPolicy }}
    imagePullPolicy: {{ . | quote }}
{{- end }}
{{- if .ProxyConfig.ProxyMetadata }}
    env:
{{- range $name, $value := .ProxyConfig.ProxyMetadata }}
    - name: {{ $name }}
      value: "{{ $value }}"
{{- end }}
{{- end }}
    resources:
{{- template "istio-proxy-resources" . }}
    securityContext:
      allowPrivilegeEscalation: {{ $proxy.privileged }}
      privileged: {{ $proxy.privileged }}
      capabilities:
{{- if not $cni }}
        add: [NET_ADMIN, NET_RAW]
{{- end }}
        drop: [ALL]
{{- if $cni }}
      readOnlyRootFilesystem: true
      runAsNonRoot: true
      runAsUser: {{ if $tproxy }}1337{{ else }}{{ .ProxyUID | default "1337" }}{{ end }}
      runAsGroup: {{ if $tproxy }}1337{{ else }}{{ .ProxyGID | default "1337" }}{{ end }}
{{- else }}
      readOnlyRootFilesystem: false
      runAsNonRoot: false
      runAsUser: 0
      runAsGroup: 0
{{- end }}
{{- with $proxy.seccompProfile }}
      seccompProfile:
{{- toYaml . | nindent 8 }}
{{- end }}
{{- end }}
{{- if not $native }}
  containers:
{{- end }}
  - name: istio-proxy
{{- $proxyImage := annotation .ObjectMeta "sidecar.istio.io/proxyImage" $proxy.image }}
    image: {{ if contains "/" $proxyImage }}{{ $proxyImage | quote }}{{ else }}{{ .ProxyImage | quote }}{{ end }}
{{- if $native }}
    restartPolicy: Always
{{- end }}
    ports:
    - name: http-envoy-prom
      containerPort: 15090
      protocol: TCP
    args:
    - proxy
    - sidecar
    - --domain
    - $(POD_NAMESPACE).svc.{{ $proxy.clusterDomain }}
    - {{ printf "--proxyLogLevel=%s" (annotation .ObjectMeta "sidecar.istio.io/logLevel" $proxy.logLevel) | quote }}
    - {{ printf "--proxyComponentLogLevel=%s" (annotation .ObjectMeta "sidecar.istio.io/componentLogLevel" $proxy.componentLogLevel) | quote }}
    - {{ $agentLog | quote }}
{{- with .Values.global.sts.servicePort }}
    - --stsPort={{ . }}
{{- end }}
{{- if .Values.global.logAsJson }}
    - --log_as_json
{{- end }}
{{- with $proxy.outlierLogPath }}
    - --outlierLogPath={{ . }}
{{- end }}
{{- if $proxy.lifecycle }}
    lifecycle:
      {{ toYaml $proxy.lifecycle | indent 6 }}
{{- else if $holdApp }}
    lifecycle:
      postStart:
        exec:
          command: [pilot-agent, wait]
{{- else if $native }}
    lifecycle:
      preStop:
        exec:
          command:
          - pilot-agent
          - request
          - --debug-port={{ $statusPort }}
          - POST
          - drain
{{- end }}
    env:
{{- if eq .InboundTrafficPolicyMode "localhost" }}
    - name: REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION
      value: "true"
{{- end }}
{{- template "istio-proxy-agent-env" . }}
{{- template "istio-proxy-cpu-env" . }}
{{- template "istio-proxy-config-env" . }}
    - name: ISTIO_META_APP_CONTAINERS
      value: {{ join "," $appNames | quote }}
{{- template "istio-proxy-memory-env" . }}
    - name: ISTIO_META_CLUSTER_ID
      value: {{ valueOrDefault .Values.global.multiCluster.clusterName "Kubernetes" | quote }}
{{- template "istio-proxy-node-env" . }}
    - name: ISTIO_META_INTERCEPTION_MODE
      value: {{ or (index $ann "sidecar.istio.io/interceptionMode") .ProxyConfig.InterceptionMode.String | quote }}
{{- with .Values.global.network }}
    - name: ISTIO_META_NETWORK
      value: {{ . | quote }}
{{- end }}
{{- with index $lbl "service.istio.io/workload-name" | default .DeploymentMeta.Name }}
    - name: ISTIO_META_WORKLOAD_NAME
      value: {{ . | quote }}
{{- end }}
{{- template "istio-proxy-owner-env" . }}
{{- template "istio-proxy-bootstrap-env" . }}
{{- template "istio-proxy-mesh-env" . }}
{{- if and (eq $proxy.tracer "datadog") (isset $ann "apm.datadoghq.com/env") }}
{{- range $name, $value := fromJSON (index $ann "apm.datadoghq.com/env") }}
    - name: {{ $name }}
      value: "{{ $value }}"
{{- end }}
{{- end }}
{{- with otelResourceAttributes .MeshConfig .ObjectMeta.Annotations .ObjectMeta.Labels .DeploymentMeta.Namespace .Spec.Containers }}
    - name: OTEL_RESOURCE_ATTRIBUTES
      value: "{{ . }}"
{{- end }}
{{- range $name, $value := .ProxyConfig.ProxyMetadata }}
    - name: {{ $name }}
      value: "{{ $value }}"
{{- end }}
{{- with .Values.global.imagePullPolicy }}
    imagePullPolicy: {{ . | quote }}
{{- end }}
{{- if ne $statusPort "0" }}
{{- if $proxy.startupProbe.enabled }}
    startupProbe:
      httpGet: {path: /healthz/ready, port: 15021}
      initialDelaySeconds: 0
      periodSeconds: 1
      timeoutSeconds: 3
      failureThreshold: {{ $proxy.startupProbe.failureThreshold }}
{{- end }}
    readinessProbe:
      httpGet: {path: /healthz/ready, port: 15021}
      initialDelaySeconds: {{ annotation .ObjectMeta "readiness.status.sidecar.istio.io/initialDelaySeconds" $proxy.readinessInitialDelaySeconds }}
      periodSeconds: {{ annotation .ObjectMeta "readiness.status.sidecar.istio.io/periodSeconds" $proxy.readinessPeriodSeconds }}
      timeoutSeconds: 3
      failureThreshold: {{ annotation .ObjectMeta "readiness.status.sidecar.istio.io/failureThreshold" $proxy.readinessFailureThreshold }}
{{- end }}
    securityContext:
{{- if eq (index .ProxyConfig.ProxyMetadata "IPTABLES_TRACE_LOGGING") "true" }}
      {{- /* istio-iptables tracing needs the agent to run the rules itself */}}
      allowPrivilegeEscalation: true
      privileged: true
      capabilities:
        add: [NET_ADMIN]
        drop: [ALL]
      readOnlyRootFilesystem: true
      runAsNonRoot: false
      runAsUser: 0
      runAsGroup: {{ .ProxyGID | default "1337" }}
{{- else }}
      allowPrivilegeEscalation: {{ $proxy.privileged }}
      privileged: {{ $proxy.privileged }}
      capabilities:
{{- if or $tproxy $bindLowPorts }}
        add:
{{- if $tproxy }}
        - NET_ADMIN
{{- end }}
{{- if $bindLowPorts }}
        - NET_BIND_SERVICE
{{- end }}
{{- end }}
        drop: [ALL]
      readOnlyRootFilesystem: true
{{- if or $tproxy $bindLowPorts }}
      runAsNonRoot: false
      runAsUser: 0
      runAsGroup: 1337
{{- else }}
      runAsNonRoot: true
      runAsUser: {{ .ProxyUID | default "1337" }}
      runAsGroup: {{ .ProxyGID | default "1337" }}
{{- end }}
{{- end }}
{{- with $proxy.seccompProfile }}
      seccompProfile:
{{- toYaml . | nindent 8 }}
{{- end }}
    resources:
{{- template "istio-proxy-resources" . }}
    volumeMounts:
{{- template "istio-proxy-identity-mounts" . }}
{{- if eq .Values.global.pilotCertProvider "istiod" }}
    - name: istiod-ca-cert
      mountPath: /var/run/secrets/istio
    - name: istio-ca-crl
      mountPath: /var/run/secrets/istio/crl
{{- end }}
    - name: istio-data
      mountPath: /var/lib/istio/data
{{- if isset $ann "sidecar.istio.io/bootstrapOverride" }}
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
{{- if and (eq $proxy.tracer "lightstep") .ProxyConfig.GetTracing.GetTlsSettings }}
    - name: lightstep-certs
      mountPath: {{ directory .ProxyConfig.GetTracing.GetTlsSettings.GetCaCertificates }}
      readOnly: true
{{- end }}
{{- if isset $ann "sidecar.istio.io/userVolumeMount" }}
{{- range $name, $mount := fromJSON (index $ann "sidecar.istio.io/userVolumeMount") }}
    - name: {{ $name | quote }}
      {{ toYaml $mount | indent 6 }}
{{- end }}
{{- end }}
  volumes:
  {{- /* Istio renders these first three with a null emptyDir; kept so re-injection behaves the same */}}
  - name: workload-socket
    emptyDir: null
  - name: credential-socket
    emptyDir: null
{{- if eq .Values.global.caName "GkeWorkloadCertificate" }}
  - name: gke-workload-certificate
    csi:
      driver: workloadcertificates.security.cloud.google.com
{{- else }}
  - name: workload-certs
    emptyDir: null
{{- end }}
{{- template "istio-proxy-bootstrap-volume" . }}
  - name: istio-envoy
    emptyDir: {medium: Memory}
{{- template "istio-proxy-data-volumes" . }}
  - name: istio-ca-crl
    configMap:
      name: {{ .Values.pilot.crlConfigMapName | default "istio-ca-crl" }}
      optional: true
{{- template "istio-proxy-mtls-volume" . }}
{{- if isset $ann "sidecar.istio.io/userVolume" }}
{{- range $name, $volume := fromJSON (index $ann "sidecar.istio.io/userVolume") }}
  - name: {{ $name | quote }}
    {{ toYaml $volume | indent 4 }}
{{- end }}
{{- end }}
{{- if and (eq $proxy.tracer "lightstep") .ProxyConfig.GetTracing.GetTlsSettings }}
  - name: lightstep-certs
    secret:
      optional: true
      secretName: lightstep.cacert
{{- end }}
{{- template "istio-proxy-pull-secrets" . }}
`;

/** The `sidecar` template source. */
export const SIDECAR_TEMPLATE_SOURCE: string = SHARED_FRAGMENTS + SIDECAR_BODY;
