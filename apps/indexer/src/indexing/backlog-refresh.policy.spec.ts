import { BacklogRefreshPolicy, type RefreshAction } from './backlog-refresh.policy';

const OPTIONS = { relaxAt: 1000, restoreAt: 100, reassertMs: 10_000, forgetMs: 30_000 };

function act(policy: BacklogRefreshPolicy, now: number): RefreshAction | null {
  const action = policy.next(now);
  if (action) policy.carriedOut(action, now);
  return action;
}

describe('BacklogRefreshPolicy', () => {
  it('stays live while the backlog is small', () => {
    const policy = new BacklogRefreshPolicy(OPTIONS);
    policy.record(0, 400, 0);
    policy.record(1, 500, 0);
    expect(act(policy, 0)).toBeNull();
    expect(policy.holdsRelaxed).toBe(false);
  });

  it('relaxes once the partitions together are relaxAt behind, and restores at restoreAt', () => {
    const policy = new BacklogRefreshPolicy(OPTIONS);
    policy.record(0, 600, 0);
    policy.record(1, 400, 0);
    expect(act(policy, 0)).toBe('relax');
    expect(policy.holdsRelaxed).toBe(true);
    // Between the two marks nothing changes, either way.
    policy.record(0, 300, 1_000);
    policy.record(1, 200, 1_000);
    expect(act(policy, 1_000)).toBeNull();
    policy.record(0, 60, 2_000);
    policy.record(1, 40, 2_000);
    expect(act(policy, 2_000)).toBe('restore');
    expect(policy.holdsRelaxed).toBe(false);
    policy.record(0, 500, 3_000);
    expect(act(policy, 3_000)).toBeNull();
  });

  it('sets the relaxed interval again while behind, in case another replica restored it', () => {
    const policy = new BacklogRefreshPolicy(OPTIONS);
    policy.record(0, 5000, 0);
    expect(act(policy, 0)).toBe('relax');
    policy.record(0, 4000, 9_999);
    expect(act(policy, 9_999)).toBeNull();
    expect(act(policy, 10_000)).toBe('relax');
  });

  it('keeps trying an action that was not carried out', () => {
    const policy = new BacklogRefreshPolicy(OPTIONS);
    policy.record(0, 5000, 0);
    expect(policy.next(0)).toBe('relax');
    expect(policy.next(1)).toBe('relax');
  });

  it('forgets a partition not heard from, so a revoked one does not hold the index relaxed', () => {
    const policy = new BacklogRefreshPolicy(OPTIONS);
    policy.record(2, 5000, 0);
    expect(act(policy, 0)).toBe('relax');
    expect(policy.backlog(30_000)).toBe(5000);
    expect(policy.backlog(30_001)).toBe(0);
    expect(act(policy, 30_001)).toBe('restore');
  });

  it('restores an adopted relaxed index once caught up, and never restores one it did not relax', () => {
    const adopted = new BacklogRefreshPolicy(OPTIONS);
    adopted.adopt();
    adopted.record(0, 0, 0);
    expect(act(adopted, 0)).toBe('restore');

    const other = new BacklogRefreshPolicy(OPTIONS);
    other.record(0, 0, 0);
    expect(act(other, 0)).toBeNull();
  });

  it('refuses marks that leave no room between them', () => {
    expect(() => new BacklogRefreshPolicy({ ...OPTIONS, restoreAt: 1000 })).toThrow(RangeError);
  });
});
