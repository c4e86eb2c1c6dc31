/** Go struct layouts of k8s.io/api/batch/v1 (batchv1), v0.36.1. Generated from the Go struct tags; see schema-types.ts for the format. */
import { defineStructs } from './schema-dsl';

export const BATCH_STRUCTS = defineStructs({
  'batchv1.Job': [
    '- TypeMeta metav1.TypeMeta inline',
    'metadata ObjectMeta metav1.ObjectMeta omitempty',
    'spec Spec batchv1.JobSpec omitempty',
    'status Status batchv1.JobStatus omitempty',
  ],
  'batchv1.CronJob': [
    '- TypeMeta metav1.TypeMeta inline',
    'metadata ObjectMeta metav1.ObjectMeta omitempty',
    'spec Spec batchv1.CronJobSpec omitempty',
    'status Status batchv1.CronJobStatus omitempty',
  ],
  'batchv1.JobSpec': [
    'parallelism Parallelism *int32 omitempty',
    'completions Completions *int32 omitempty',
    'activeDeadlineSeconds ActiveDeadlineSeconds *int64 omitempty',
    'podFailurePolicy PodFailurePolicy *batchv1.PodFailurePolicy omitempty',
    'successPolicy SuccessPolicy *batchv1.SuccessPolicy omitempty',
    'backoffLimit BackoffLimit *int32 omitempty',
    'backoffLimitPerIndex BackoffLimitPerIndex *int32 omitempty',
    'maxFailedIndexes MaxFailedIndexes *int32 omitempty',
    'selector Selector *metav1.LabelSelector omitempty',
    'manualSelector ManualSelector *bool omitempty',
    'template Template v1.PodTemplateSpec',
    'ttlSecondsAfterFinished TTLSecondsAfterFinished *int32 omitempty',
    'completionMode CompletionMode *string omitempty',
    'suspend Suspend *bool omitempty',
    'podReplacementPolicy PodReplacementPolicy *string omitempty',
    'managedBy ManagedBy *string omitempty',
  ],
  'batchv1.JobStatus': [
    'conditions Conditions []batchv1.JobCondition omitempty mergeKey=type patchStrategy=merge',
    'startTime StartTime *Time omitempty',
    'completionTime CompletionTime *Time omitempty',
    'active Active int32 omitempty',
    'succeeded Succeeded int32 omitempty',
    'failed Failed int32 omitempty',
    'terminating Terminating *int32 omitempty',
    'completedIndexes CompletedIndexes string omitempty',
    'failedIndexes FailedIndexes *string omitempty',
    'uncountedTerminatedPods UncountedTerminatedPods *batchv1.UncountedTerminatedPods omitempty',
    'ready Ready *int32 omitempty',
  ],
  'batchv1.CronJobSpec': [
    'schedule Schedule string',
    'timeZone TimeZone *string omitempty',
    'startingDeadlineSeconds StartingDeadlineSeconds *int64 omitempty',
    'concurrencyPolicy ConcurrencyPolicy string omitempty',
    'suspend Suspend *bool omitempty',
    'jobTemplate JobTemplate batchv1.JobTemplateSpec',
    'successfulJobsHistoryLimit SuccessfulJobsHistoryLimit *int32 omitempty',
    'failedJobsHistoryLimit FailedJobsHistoryLimit *int32 omitempty',
  ],
  'batchv1.CronJobStatus': [
    'active Active []v1.ObjectReference omitempty',
    'lastScheduleTime LastScheduleTime *Time omitempty',
    'lastSuccessfulTime LastSuccessfulTime *Time omitempty',
  ],
  'batchv1.PodFailurePolicy': [
    'rules Rules []batchv1.PodFailurePolicyRule',
  ],
  'batchv1.SuccessPolicy': [
    'rules Rules []batchv1.SuccessPolicyRule',
  ],
  'batchv1.JobCondition': [
    'type Type string',
    'status Status string',
    'lastProbeTime LastProbeTime Time omitempty',
    'lastTransitionTime LastTransitionTime Time omitempty',
    'reason Reason string omitempty',
    'message Message string omitempty',
  ],
  'batchv1.UncountedTerminatedPods': [
    'succeeded Succeeded []string omitempty',
    'failed Failed []string omitempty',
  ],
  'batchv1.JobTemplateSpec': [
    'metadata ObjectMeta metav1.ObjectMeta omitempty',
    'spec Spec batchv1.JobSpec omitempty',
  ],
  'batchv1.PodFailurePolicyRule': [
    'action Action string',
    'onExitCodes OnExitCodes *batchv1.PodFailurePolicyOnExitCodesRequirement omitempty',
    'onPodConditions OnPodConditions []batchv1.PodFailurePolicyOnPodConditionsPattern omitempty',
  ],
  'batchv1.SuccessPolicyRule': [
    'succeededIndexes SucceededIndexes *string omitempty',
    'succeededCount SucceededCount *int32 omitempty',
  ],
  'batchv1.PodFailurePolicyOnExitCodesRequirement': [
    'containerName ContainerName *string omitempty',
    'operator Operator string',
    'values Values []int32',
  ],
  'batchv1.PodFailurePolicyOnPodConditionsPattern': [
    'type Type string',
    'status Status string',
  ],
});
