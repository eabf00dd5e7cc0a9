import { describe, expect, it } from 'vitest';
import { ANSWER_DEPENDS_ON, unreadableLines } from './unreadableNotice';

describe('unreadableLines', () => {
  const unreadable = [
    { kind: 'ClusterRole' as const, message: 'clusterroles.rbac.authorization.k8s.io cannot be listed (forbidden): who-can answers are incomplete', missingPermission: 'list, watch clusterroles.rbac.authorization.k8s.io (cluster-wide)' },
    { kind: 'CronJob' as const, message: 'cronjobs.batch is not served by this API server (404): CronJobs are missing' },
  ];
  it('names only the kinds the page depends on, with the permission that fixes each', () => {
    expect(unreadableLines(unreadable, ANSWER_DEPENDS_ON.whoCan)).toEqual([
      { kind: 'ClusterRole', text: unreadable[0].message, fix: 'grant list, watch clusterroles.rbac.authorization.k8s.io (cluster-wide)' },
    ]);
    expect(unreadableLines(unreadable, ANSWER_DEPENDS_ON.connectivity)).toEqual([{ kind: 'CronJob', text: unreadable[1].message }]);
  });
  it('is empty when everything was read', () => {
    expect(unreadableLines([], ANSWER_DEPENDS_ON.whoCan)).toEqual([]);
  });
});
