/** Go struct layouts of k8s.io/apimachinery/pkg/apis/meta/v1 (metav1), v0.36.1. Generated from the Go struct tags; see schema-types.ts for the format. */
import { defineStructs } from './schema-dsl';

export const META_STRUCTS = defineStructs({
  'metav1.List': [
    '- TypeMeta metav1.TypeMeta inline',
    'metadata ListMeta metav1.ListMeta omitempty',
    'items Items []RawExtension',
  ],
  'metav1.TypeMeta': [
    'kind Kind string omitempty',
    'apiVersion APIVersion string omitempty',
  ],
  'metav1.ObjectMeta': [
    'name Name string omitempty',
    'generateName GenerateName string omitempty',
    'namespace Namespace string omitempty',
    'selfLink SelfLink string omitempty',
    'uid UID string omitempty',
    'resourceVersion ResourceVersion string omitempty',
    'generation Generation int64 omitempty',
    'creationTimestamp CreationTimestamp Time omitempty omitzero',
    'deletionTimestamp DeletionTimestamp *Time omitempty',
    'deletionGracePeriodSeconds DeletionGracePeriodSeconds *int64 omitempty',
    'labels Labels map[string]string omitempty',
    'annotations Annotations map[string]string omitempty',
    'ownerReferences OwnerReferences []metav1.OwnerReference omitempty mergeKey=uid patchStrategy=merge',
    'finalizers Finalizers []string omitempty patchStrategy=merge',
    'managedFields ManagedFields []metav1.ManagedFieldsEntry omitempty',
  ],
  'metav1.ListMeta': [
    'selfLink SelfLink string omitempty',
    'resourceVersion ResourceVersion string omitempty',
    'continue Continue string omitempty',
    'remainingItemCount RemainingItemCount *int64 omitempty',
    'shardInfo ShardInfo *metav1.ShardInfo omitempty',
  ],
  'metav1.OwnerReference': [
    'apiVersion APIVersion string',
    'kind Kind string',
    'name Name string',
    'uid UID string',
    'controller Controller *bool omitempty',
    'blockOwnerDeletion BlockOwnerDeletion *bool omitempty',
  ],
  'metav1.ManagedFieldsEntry': [
    'manager Manager string omitempty',
    'operation Operation string omitempty',
    'apiVersion APIVersion string omitempty',
    'time Time *Time omitempty',
    'fieldsType FieldsType string omitempty',
    'fieldsV1 FieldsV1 any omitempty',
    'subresource Subresource string omitempty',
  ],
  'metav1.LabelSelector': [
    'matchLabels MatchLabels map[string]string omitempty',
    'matchExpressions MatchExpressions []metav1.LabelSelectorRequirement omitempty',
  ],
  'metav1.ShardInfo': [
    'selector Selector string',
  ],
  'metav1.LabelSelectorRequirement': [
    'key Key string',
    'operator Operator string',
    'values Values []string omitempty',
  ],
});
