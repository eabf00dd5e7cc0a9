export * from './labels';
export * from './origin';
export * from './warning';
export * from './workload';
export * from './networkPolicy';
export * from './rbac';
export * from './namespace';
export * from './snapshot';
