/** Go struct layouts of github.com/openshift/api/apps/v1 (ocappsv1), openshift/api master. Generated from the Go struct tags; see schema-types.ts for the format. */
import { defineStructs } from './schema-dsl';

export const OPENSHIFT_STRUCTS = defineStructs({
  'ocappsv1.DeploymentConfig': [
    '- TypeMeta metav1.TypeMeta inline',
    'metadata ObjectMeta metav1.ObjectMeta omitempty',
    'spec Spec ocappsv1.DeploymentConfigSpec',
    'status Status ocappsv1.DeploymentConfigStatus omitempty',
  ],
  'ocappsv1.DeploymentConfigSpec': [
    'strategy Strategy ocappsv1.DeploymentStrategy',
    'minReadySeconds MinReadySeconds int32 omitempty',
    'triggers Triggers []ocappsv1.DeploymentTriggerPolicy',
    'replicas Replicas int32',
    'revisionHistoryLimit RevisionHistoryLimit *int32 omitempty',
    'test Test bool',
    'paused Paused bool omitempty',
    'selector Selector map[string]string omitempty',
    'template Template *v1.PodTemplateSpec omitempty',
  ],
  'ocappsv1.DeploymentConfigStatus': [
    'latestVersion LatestVersion int64',
    'observedGeneration ObservedGeneration int64',
    'replicas Replicas int32',
    'updatedReplicas UpdatedReplicas int32',
    'availableReplicas AvailableReplicas int32',
    'unavailableReplicas UnavailableReplicas int32',
    'details Details *ocappsv1.DeploymentDetails omitempty',
    'conditions Conditions []ocappsv1.DeploymentCondition omitempty mergeKey=type patchStrategy=merge',
    'readyReplicas ReadyReplicas int32 omitempty',
  ],
  'ocappsv1.DeploymentStrategy': [
    'type Type string omitempty',
    'customParams CustomParams *ocappsv1.CustomDeploymentStrategyParams omitempty',
    'recreateParams RecreateParams *ocappsv1.RecreateDeploymentStrategyParams omitempty',
    'rollingParams RollingParams *ocappsv1.RollingDeploymentStrategyParams omitempty',
    'resources Resources v1.ResourceRequirements omitempty',
    'labels Labels map[string]string omitempty',
    'annotations Annotations map[string]string omitempty',
    'activeDeadlineSeconds ActiveDeadlineSeconds *int64 omitempty',
  ],
  'ocappsv1.DeploymentTriggerPolicy': [
    'type Type string omitempty',
    'imageChangeParams ImageChangeParams *ocappsv1.DeploymentTriggerImageChangeParams omitempty',
  ],
  'ocappsv1.DeploymentDetails': [
    'message Message string omitempty',
    'causes Causes []ocappsv1.DeploymentCause',
  ],
  'ocappsv1.DeploymentCondition': [
    'type Type string',
    'status Status string',
    'lastUpdateTime LastUpdateTime Time omitempty',
    'lastTransitionTime LastTransitionTime Time omitempty',
    'reason Reason string omitempty',
    'message Message string omitempty',
  ],
  'ocappsv1.CustomDeploymentStrategyParams': [
    'image Image string omitempty',
    'environment Environment []v1.EnvVar omitempty',
    'command Command []string omitempty',
  ],
  'ocappsv1.RecreateDeploymentStrategyParams': [
    'timeoutSeconds TimeoutSeconds *int64 omitempty',
    'pre Pre *ocappsv1.LifecycleHook omitempty',
    'mid Mid *ocappsv1.LifecycleHook omitempty',
    'post Post *ocappsv1.LifecycleHook omitempty',
  ],
  'ocappsv1.RollingDeploymentStrategyParams': [
    'updatePeriodSeconds UpdatePeriodSeconds *int64 omitempty',
    'intervalSeconds IntervalSeconds *int64 omitempty',
    'timeoutSeconds TimeoutSeconds *int64 omitempty',
    'maxUnavailable MaxUnavailable *IntOrString omitempty',
    'maxSurge MaxSurge *IntOrString omitempty',
    'pre Pre *ocappsv1.LifecycleHook omitempty',
    'post Post *ocappsv1.LifecycleHook omitempty',
  ],
  'ocappsv1.DeploymentTriggerImageChangeParams': [
    'automatic Automatic bool omitempty',
    'containerNames ContainerNames []string omitempty',
    'from From v1.ObjectReference',
    'lastTriggeredImage LastTriggeredImage string omitempty',
  ],
  'ocappsv1.DeploymentCause': [
    'type Type string',
    'imageTrigger ImageTrigger *ocappsv1.DeploymentCauseImageTrigger omitempty',
  ],
  'ocappsv1.LifecycleHook': [
    'failurePolicy FailurePolicy string',
    'execNewPod ExecNewPod *ocappsv1.ExecNewPodHook omitempty',
    'tagImages TagImages []ocappsv1.TagImageHook omitempty',
  ],
  'ocappsv1.DeploymentCauseImageTrigger': [
    'from From v1.ObjectReference',
  ],
  'ocappsv1.ExecNewPodHook': [
    'command Command []string',
    'env Env []v1.EnvVar omitempty',
    'containerName ContainerName string',
    'volumes Volumes []string omitempty',
  ],
  'ocappsv1.TagImageHook': [
    'containerName ContainerName string',
    'to To v1.ObjectReference',
  ],
});
