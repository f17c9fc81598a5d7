import type { PushReport } from './pusher';
import type { StoryState } from './reuters-stream';
import { describeReport, divergences, type TruthReport } from './truth';

/**
 * The end state every fault test demands: PostgreSQL holds exactly what was pushed, nothing ingest
 * accepted is missing, and the index equals PostgreSQL (usable stories once each at their version,
 * killed ones absent, nothing else, outbox drained).
 */
export function expectTruthHolds(
  push: PushReport,
  expected: Map<string, StoryState>,
  stored: Map<string, StoryState>,
  report: TruthReport,
): void {
  expect(push.rejections).toEqual([]);
  expect(divergences(expected, stored)).toEqual([]);
  const lostAccepted = [...push.accepted]
    .filter(([uri, version]) => (stored.get(uri)?.version ?? 0) < version)
    .map(([uri]) => uri);
  expect(lostAccepted).toEqual([]);
  const summary = describeReport(report);
  expect({
    summary,
    missing: report.missing,
    wrongVersion: report.wrongVersion,
    extra: report.extra,
    duplicates: report.duplicates,
  }).toEqual({
    summary,
    missing: [],
    wrongVersion: [],
    extra: [],
    duplicates: [],
  });
  expect(report.indexed).toBe(report.usable);
  expect(report.outbox).toBe(0);
}
