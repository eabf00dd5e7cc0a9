import { describe, expect, it } from 'vitest';
import { ANSWER_DEPENDS_ON, unreadableLines } from './unreadableNotice';

describe('unreadableLines', () => {
  const unreadable = [
    { kind: 'ClusterRole' as const, message: 'cannot list clusterroles.rbac.authorization.k8s.io: who-can answers are incomplete (API server: forbidden)', missingPermission: 'list, watch clusterroles.rbac.authorization.k8s.io (cluster-wide)' },
    { kind: 'CronJob' as const, message: 'cronjobs.batch is not served by this API server: CronJobs are missing (API server: 404 page not found)' },
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
