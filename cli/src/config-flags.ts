/** InjectionSettings from istioctl kube-inject's config flags; what no flag gives comes from the built-in install. */
import { settingsFromSources } from '../../core/src/config/sources';
import type { InjectionSettings } from '../../core/src/inject/types';
import type { InjectArgs } from './args';
import { readText } from './files';

export function loadSettings(args: InjectArgs): InjectionSettings {
  const read = (file: string | undefined) => (file === undefined ? undefined : readText(file));
  return settingsFromSources({
    injectConfigFile: read(args.injectConfigFile),
    mesh: read(args.meshConfigFile),
    values: read(args.valuesFile),
    operator: read(args.operatorFileName),
    revision: args.revision,
  });
}
