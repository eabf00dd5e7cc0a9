import { parseLabelSelector } from '../sources/labelSelector';
import { DEFAULT_ZONE_LABEL, type ExposureConfig, type IngressControllerConfig } from './exposureConfig';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Parses `exposure:`; every bad entry is skipped with a warning naming it. */
export function parseExposureConfig(raw: unknown, warn: (m: string) => void): ExposureConfig | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    warn('`exposure` must be a mapping (ingressControllers, sensitiveNamespaces, zoneLabel); it was ignored.');
    return undefined;
  }
  for (const key of Object.keys(raw)) if (!['ingressControllers', 'sensitiveNamespaces', 'zoneLabel'].includes(key)) warn(`exposure: unknown key "${key}" was ignored.`);
  const ingressControllers: IngressControllerConfig[] = [];
  const list = raw.ingressControllers ?? [];
  if (!Array.isArray(list)) warn('exposure.ingressControllers must be a list; it was ignored.');
  else
    list.forEach((entry, i) => {
      const where = `exposure.ingressControllers[${i}]`;
      if (!isRecord(entry)) return warn(`${where} must be a mapping with podSelector; it was ignored.`);
      const sel = parseLabelSelector(entry.podSelector, `${where}.podSelector`);
      if (entry.podSelector === undefined || entry.podSelector === null) return warn(`${where} needs a podSelector (the labels of the controller's pods); it was ignored.`);
      if (!sel.ok) return warn(`${sel.error}; ${where} was ignored.`);
      if (entry.controller !== undefined && !isString(entry.controller)) return warn(`${where}.controller must be a controller name string; the entry was ignored.`);
      if (entry.namespace !== undefined && !isString(entry.namespace)) return warn(`${where}.namespace must be a namespace name; the entry was ignored.`);
      ingressControllers.push({ ...(isString(entry.controller) ? { controller: entry.controller } : {}), ...(isString(entry.namespace) ? { namespace: entry.namespace } : {}), podSelector: sel.selector });
    });
  const sensitiveNamespaces: string[] = [];
  const ns = raw.sensitiveNamespaces ?? [];
  if (!Array.isArray(ns)) warn('exposure.sensitiveNamespaces must be a list of namespace names; it was ignored.');
  else ns.forEach((n, i) => (isString(n) ? sensitiveNamespaces.push(n) : warn(`exposure.sensitiveNamespaces[${i}] is not a namespace name; it was ignored.`)));
  let zoneLabel = DEFAULT_ZONE_LABEL;
  if (raw.zoneLabel !== undefined) {
    if (isString(raw.zoneLabel)) zoneLabel = raw.zoneLabel;
    else warn('exposure.zoneLabel must be a label key; the default perimeter.io/zone is used.');
  }
  return { ingressControllers, sensitiveNamespaces, zoneLabel };
}
