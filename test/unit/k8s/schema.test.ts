import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allStructs, elemType, fieldByGo, fieldByJson, goTypeName, isStructType, jsonFields, rootTypeFor, structSpec,
} from '../../../core/src/k8s/schema';

test('every type a field refers to is a primitive or a struct of the schema', () => {
  const primitives = new Set(['string', 'bool', 'int32', 'int64', 'float64', 'Quantity', 'IntOrString', 'Time', 'RawExtension', 'any']);
  for (const s of allStructs()) {
    for (const f of s.fields) {
      let t = f.type;
      for (let e = elemType(t); e !== undefined; e = elemType(t)) t = e;
      assert.ok(primitives.has(t) || structSpec(t), `${s.name}.${f.go}: ${f.type}`);
    }
  }
});

test('container fields carry the Go tags of k8s.io/api', () => {
  assert.deepEqual(fieldByJson('v1.PodSpec', 'containers'), {
    json: 'containers', go: 'Containers', type: '[]v1.Container', mergeKey: 'name', patchStrategy: 'merge',
  });
  assert.deepEqual(fieldByJson('v1.PodSpec', 'volumes'), {
    json: 'volumes', go: 'Volumes', type: '[]v1.Volume', omitempty: true, mergeKey: 'name', patchStrategy: 'merge,retainKeys',
  });
  assert.deepEqual(fieldByJson('v1.Container', 'ports'), {
    json: 'ports', go: 'Ports', type: '[]v1.ContainerPort', omitempty: true, mergeKey: 'containerPort', patchStrategy: 'merge',
  });
  assert.equal(fieldByJson('v1.Container', 'resources')?.type, 'v1.ResourceRequirements');
  assert.equal(fieldByJson('v1.ResourceRequirements', 'limits')?.type, 'map[string]Quantity');
  assert.equal(fieldByJson('v1.ContainerPort', 'containerPort')?.omitempty, undefined);
  assert.equal(fieldByJson('metav1.ObjectMeta', 'creationTimestamp')?.omitzero, true);
});

test('inline structs are searched: probe handlers, volume sources, TypeMeta', () => {
  assert.equal(fieldByJson('v1.Probe', 'httpGet')?.type, '*v1.HTTPGetAction');
  assert.equal(fieldByJson('v1.Volume', 'configMap')?.type, '*v1.ConfigMapVolumeSource');
  assert.equal(fieldByJson('v1.EphemeralContainer', 'image')?.go, 'Image');
  assert.equal(fieldByGo('appsv1.Deployment', 'Kind')?.json, 'kind');
  assert.equal(fieldByGo('v1.Volume', 'VolumeSource')?.inline, true);
  assert.equal(fieldByJson('v1.Volume', 'VolumeSource'), undefined);
  assert.deepEqual(jsonFields('v1.Pod').map((f) => f.json), ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
});

test('workload roots and their nested types', () => {
  assert.equal(rootTypeFor('apps/v1', 'Deployment'), 'appsv1.Deployment');
  assert.equal(rootTypeFor('extensions/v1beta1', 'Deployment'), 'appsv1.Deployment');
  assert.equal(rootTypeFor('batch/v1', 'CronJob'), 'batchv1.CronJob');
  assert.equal(rootTypeFor('apps.openshift.io/v1', 'DeploymentConfig'), 'ocappsv1.DeploymentConfig');
  assert.equal(rootTypeFor('v1', 'List'), 'metav1.List');
  assert.equal(rootTypeFor('v1', 'Service'), undefined);
  assert.equal(fieldByJson('appsv1.StatefulSetSpec', 'volumeClaimTemplates')?.type, '[]v1.PersistentVolumeClaim');
  assert.equal(fieldByJson('v1.ReplicationControllerSpec', 'template')?.type, '*v1.PodTemplateSpec');
  assert.equal(fieldByJson('batchv1.JobTemplateSpec', 'spec')?.type, 'batchv1.JobSpec');
  assert.equal(fieldByJson('ocappsv1.DeploymentConfigSpec', 'template')?.type, '*v1.PodTemplateSpec');
  assert.equal(fieldByJson('metav1.List', 'items')?.type, '[]RawExtension');
  assert.ok(isStructType('*v1.PodSpec'));
  assert.ok(!isStructType('Quantity'));
  assert.equal(elemType('map[string]Quantity'), 'Quantity');
  assert.equal(elemType('[]*v1.Container'), '*v1.Container');
  assert.equal(elemType('string'), undefined);
  assert.equal(goTypeName('*appsv1.Deployment'), '*v1.Deployment');
});
