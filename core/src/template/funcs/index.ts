/**
 * The template function library of Istio's injector: sprig v3's functions and Istio's own, with Go's behaviour
 * (argument type checks, error messages, output formats). Values follow ../value.ts.
 */
import type { FuncMap } from '../value';
import { toFuncMap } from './args';
import { defaultFuncs } from './defaults';
import { dictFuncs } from './dicts';
import { extraFuncs } from './extras';
import { istioFuncSpecs, type IstioFuncOptions } from './istio';
import { listFuncs } from './lists';
import { mathFuncs } from './math';
import { regexFuncs } from './regex';
import { semverFuncs } from './semver';
import { stringFuncs } from './strings';

export type { IstioFuncOptions } from './istio';
export { ArgumentError } from './args';
export { DEFAULT_PROXY_CONFIG_JSON } from './proxy-config';

/**
 * sprig v3's TxtFuncMap (every name is defined; functions needing randomness, time, the network or cryptography
 * fail when called). `env` is what sprig's env/expandenv read.
 */
export function sprigFuncs(env: Record<string, string> = {}): FuncMap {
  return toFuncMap({ ...extraFuncs, ...stringFuncs, ...listFuncs, ...dictFuncs, ...mathFuncs, ...regexFuncs, ...semverFuncs, ...defaultFuncs(env) });
}

/** Istio's InjectionFuncmap (pkg/kube/inject/template.go). */
export function istioFuncs(options: IstioFuncOptions = {}): FuncMap {
  return toFuncMap(istioFuncSpecs(options));
}

/** What Istio's injector parses templates with: sprig's functions, overridden by Istio's. */
export function injectionFuncMap(options: IstioFuncOptions = {}): FuncMap {
  return { ...sprigFuncs(options.env), ...istioFuncs(options) };
}
