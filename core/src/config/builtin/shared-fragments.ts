/**
 * Named template fragments (`define`) shared by our sidecar and gateway templates. Each receives the template data
 * (`.`) and emits list items indented for the place it is used in.
 */
export const SHARED_FRAGMENTS = String.raw`
{{- define "istio-proxy-resources" }}
{{- $a := .ObjectMeta.Annotations }}
{{- $requests := or (isset $a "sidecar.istio.io/proxyCPU") (isset $a "sidecar.istio.io/proxyMemory") }}
{{- $limits := or (isset $a "sidecar.istio.io/proxyCPULimit") (isset $a "sidecar.istio.io/proxyMemoryLimit") }}
{{- if or $requests $limits }}
{{- /* Any resource annotation replaces the values' resources entirely. */}}
{{- if $requests }}
      requests:
{{- if isset $a "sidecar.istio.io/proxyCPU" }}
        cpu: {{ index $a "sidecar.istio.io/proxyCPU" | quote }}
{{- end }}
{{- if isset $a "sidecar.istio.io/proxyMemory" }}
        memory: {{ index $a "sidecar.istio.io/proxyMemory" | quote }}
{{- end }}
{{- end }}
{{- if $limits }}
      limits:
{{- if isset $a "sidecar.istio.io/proxyCPULimit" }}
        cpu: {{ index $a "sidecar.istio.io/proxyCPULimit" | quote }}
{{- end }}
{{- if isset $a "sidecar.istio.io/proxyMemoryLimit" }}
        memory: {{ index $a "sidecar.istio.io/proxyMemoryLimit" | quote }}
{{- end }}
{{- end }}
{{- else if .Values.global.proxy.resources }}
      {{ toYaml (omitNil .Values.global.proxy.resources) | indent 6 }}
{{- end }}
{{- end }}

{{- define "istio-proxy-agent-env" }}
    - name: PILOT_CERT_PROVIDER
      value: {{ .Values.global.pilotCertProvider }}
    - name: CA_ADDR
{{- if .Values.global.caAddress }}
      value: {{ .Values.global.caAddress }}
{{- else }}
      value: istiod{{ with .Values.revision }}-{{ . }}{{ end }}.{{ .Values.global.istioNamespace }}.svc:15012
{{- end }}
    - name: POD_NAME
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: POD_NAMESPACE
      valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
    - name: INSTANCE_IP
      valueFrom: {fieldRef: {fieldPath: status.podIP}}
    - name: SERVICE_ACCOUNT
      valueFrom: {fieldRef: {fieldPath: spec.serviceAccountName}}
    - name: HOST_IP
      valueFrom: {fieldRef: {fieldPath: status.hostIP}}
{{- end }}

{{- define "istio-proxy-identity-mounts" }}
    - name: workload-socket
      mountPath: /var/run/secrets/workload-spiffe-uds
    - name: credential-socket
      mountPath: /var/run/secrets/credential-uds
{{- if eq .Values.global.caName "GkeWorkloadCertificate" }}
    - name: gke-workload-certificate
      mountPath: /var/run/secrets/workload-spiffe-credentials
      readOnly: true
{{- else }}
    - name: workload-certs
      mountPath: /var/run/secrets/workload-spiffe-credentials
{{- end }}
{{- end }}

{{- define "istio-proxy-cpu-env" }}
    - name: ISTIO_CPU_LIMIT
      valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: "1"}}
{{- end }}

{{- define "istio-proxy-config-env" }}
    - name: PROXY_CONFIG
      value: |
        {{ protoToJSON .ProxyConfig }}
    - name: ISTIO_META_POD_PORTS
      {{- /* One JSON object per declared container port, as a JSON list laid out over lines. */}}
      value: |-
        [
{{- $sep := "" }}
{{- range .Spec.Containers }}{{ range .Ports }}
            {{ $sep }}{{ structToJSON . }}
{{- $sep = "," }}
{{- end }}{{ end }}
        ]
{{- end }}

{{- define "istio-proxy-memory-env" }}
    - name: GOMEMLIMIT
      valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: "1"}}
{{- with .CompliancePolicy }}
    - name: COMPLIANCE_POLICY
      value: {{ . | quote }}
{{- if eq . "fips-140-3" }}
    - name: GODEBUG
      value: "fips140=only"
{{- end }}
{{- end }}
{{- end }}

{{- define "istio-proxy-node-env" }}
    - name: ISTIO_META_NODE_NAME
      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
{{- end }}

{{- define "istio-proxy-owner-env" }}
{{- if and .TypeMeta.APIVersion .DeploymentMeta.Name }}
    - name: ISTIO_META_OWNER
      value: kubernetes://apis/{{ .TypeMeta.APIVersion }}/namespaces/{{ valueOrDefault .DeploymentMeta.Namespace "default" }}/{{ toLower .TypeMeta.Kind }}s/{{ .DeploymentMeta.Name }}
{{- end }}
{{- end }}

{{- define "istio-proxy-bootstrap-env" }}
{{- if isset .ObjectMeta.Annotations "sidecar.istio.io/bootstrapOverride" }}
    - name: ISTIO_BOOTSTRAP_OVERRIDE
      value: /etc/istio/custom-bootstrap/custom_bootstrap.json
{{- end }}
{{- end }}

{{- define "istio-proxy-mesh-env" }}
{{- $trustDomain := valueOrDefault .MeshConfig.TrustDomain .Values.global.trustDomain }}
{{- with .Values.global.meshID | default $trustDomain }}
    - name: ISTIO_META_MESH_ID
      value: {{ . | quote }}
{{- end }}
{{- with $trustDomain }}
    - name: TRUST_DOMAIN
      value: {{ . | quote }}
{{- end }}
{{- end }}

{{- define "istio-proxy-bootstrap-volume" }}
{{- if isset .ObjectMeta.Annotations "sidecar.istio.io/bootstrapOverride" }}
  - name: custom-bootstrap-volume
    configMap:
      name: {{ annotation .ObjectMeta "sidecar.istio.io/bootstrapOverride" "" | quote }}
{{- end }}
{{- end }}

{{- define "istio-proxy-data-volumes" }}
  - name: istio-data
    emptyDir: {}
  - name: istio-podinfo
    downwardAPI:
      items:
      - path: labels
        fieldRef: {fieldPath: metadata.labels}
      - path: annotations
        fieldRef: {fieldPath: metadata.annotations}
  - name: istio-token
    projected:
      sources:
      - serviceAccountToken:
          path: istio-token
          expirationSeconds: 43200
          audience: {{ .Values.global.sds.token.aud }}
{{- if eq .Values.global.pilotCertProvider "istiod" }}
  - name: istiod-ca-cert
{{- if eq (.Values.pilot.env).ENABLE_CLUSTER_TRUST_BUNDLE_API true }}
    projected:
      sources:
      - clusterTrustBundle:
          name: istio.io:istiod-ca:{{ .Values.global.trustBundleName | default "root-cert" }}
          path: root-cert.pem
{{- else }}
    configMap:
      name: {{ .Values.global.trustBundleName | default "istio-ca-root-cert" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "istio-proxy-mtls-volume" }}
{{- if .Values.global.mountMtlsCerts }}
  - name: istio-certs
    secret:
      optional: true
      secretName: {{ if .Spec.ServiceAccountName }}{{ printf "istio.%s" .Spec.ServiceAccountName }}{{ else }}istio.default{{ end }}
{{- end }}
{{- end }}

{{- define "istio-proxy-pull-secrets" }}
{{- with .Values.global.imagePullSecrets }}
  imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end }}
`;
