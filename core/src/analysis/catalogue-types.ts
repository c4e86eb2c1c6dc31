/** The shape of the annotation/label catalogue (see catalogue.ts). */
export type KeyType = 'annotation' | 'label';
export type FeatureStatus = 'alpha' | 'beta' | 'stable' | 'unspecified';

export interface KeyFacts {
  name: string;
  type: KeyType;
  status: FeatureStatus;
  deprecated: boolean;
  /** Internal keys (written by Istio itself): known, but never suggested. */
  hidden: boolean;
  /** Resource kinds where the key has an effect ("Pod" = the pod or pod template; "Any" = every kind). */
  resources: readonly string[];
  description: string;
  /** The values the key accepts, when they are a short list. */
  values?: readonly string[];
  /** What applies when the key is absent (as text for people). */
  default?: string;
  /** Written by injection itself (not by users): no status hints on it. */
  byInjection?: boolean;
  /** Read by the injection templates though missing from Istio's catalogue. */
  uncatalogued?: boolean;
}

/** Compact constructor used by the catalogue tables. */
export function fact(
  type: KeyType,
  name: string,
  status: FeatureStatus,
  resources: string,
  description: string,
  extra: Partial<Pick<KeyFacts, 'deprecated' | 'hidden' | 'values' | 'default' | 'uncatalogued' | 'byInjection'>> = {},
): KeyFacts {
  return { name, type, status, resources: resources.split(','), description, deprecated: false, hidden: false, ...extra };
}
