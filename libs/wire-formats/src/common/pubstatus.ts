import type { Pubstatus } from '@lib/contracts';
import { WireError } from './errors';

const STATUSES: Readonly<Record<string, Pubstatus>> = {
  usable: 'usable',
  withheld: 'withheld',
  withhold: 'withheld',
  held: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
  cancel: 'canceled',
  kill: 'canceled',
  killed: 'canceled',
  elim: 'canceled',
  eliminated: 'canceled',
  elimination: 'canceled',
  withdrawn: 'canceled',
  deleted: 'canceled',
};

/**
 * `stat:usable`, NewsML 1.2 `Usable`, NITF `management-status`, AP `pubstatus`... to the canonical
 * three. An unknown status is refused rather than guessed: publishing a kill by mistake is worse
 * than rejecting an item an operator can replay.
 */
export function mapPubstatus(
  raw: string | undefined,
  context: { format: string; field: string },
): Pubstatus | undefined {
  if (raw === undefined) return undefined;
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:/, '');
  if (key === '') return undefined;
  const status = STATUSES[key];
  if (status === undefined) {
    throw new WireError(
      'WIRE.INVALID_SHAPE',
      `unknown publication status '${raw.trim().slice(0, 40)}'`,
      context,
    );
  }
  return status;
}

export interface StatusAndEmbargo {
  pubstatus: Pubstatus | undefined;
  embargoed: string | undefined;
}

/**
 * NewsML 1.2 and NITF have an `Embargoed` status besides a release time. With a release time the
 * story is usable and carries `embargoed` for downstream to honour; without one nobody can say
 * when it lifts, so it is withheld.
 */
export function statusWithEmbargo(
  raw: string | undefined,
  releaseIso: string | undefined,
  context: { format: string; field: string },
): StatusAndEmbargo {
  const key = raw
    ?.trim()
    .toLowerCase()
    .replace(/^[a-z]+:/, '');
  if (key === 'embargoed') {
    return releaseIso === undefined
      ? { pubstatus: 'withheld', embargoed: undefined }
      : { pubstatus: 'usable', embargoed: releaseIso };
  }
  return { pubstatus: mapPubstatus(raw, context), embargoed: undefined };
}
