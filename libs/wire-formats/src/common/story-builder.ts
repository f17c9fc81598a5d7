import { canonicalStorySchema } from '@lib/contracts';
import type {
  Association,
  CanonicalStory,
  CanonicalStoryInput,
  Link,
  NamedEntity,
  Subject,
} from '@lib/contracts';
import { ZodError } from 'zod';
import { epochSeconds, isoFromDate } from './dates';
import { WireError } from './errors';
import { htmlToText, normaliseBodyText, sanitizeBody, textToHtml } from './sanitize';
import type { StoryDraft } from './story-draft';
import { cleanText } from './text';

export interface BuildContext {
  format: string;
  receivedAt: Date;
}

/**
 * Draft to canonical story: strings cleaned, body sanitised with its text derived, lists
 * de-duplicated, version derived where the format has none, then `canonicalStorySchema.parse`
 * so a half-parsed story can never leave the library.
 */
export function buildStory(draft: StoryDraft, context: BuildContext): CanonicalStory {
  const versioncreated =
    draft.versioncreated ?? draft.firstcreated ?? isoFromDate(context.receivedAt);
  const body = buildBody(draft);
  const candidate: CanonicalStoryInput = {
    uri: draft.uri.trim(),
    // Formats without a version number: seconds since the epoch of versioncreated, so a later
    // version of the same uri always sorts higher (and the indexer's external versioning works).
    version: draft.version ?? Math.max(0, epochSeconds(versioncreated)),
    firstcreated: draft.firstcreated,
    versioncreated,
    pubstatus: draft.pubstatus ?? 'usable',
    language: cleanText(draft.language),
    urgency: validUrgency(draft.urgency),
    headline: cleanText(draft.headline) ?? '',
    subheadline: cleanText(draft.subheadline),
    byline: cleanText(draft.byline),
    slugline: cleanText(draft.slugline),
    located: cleanText(draft.located),
    description: cleanText(draft.description),
    body_html: body.html,
    body_text: body.text,
    subject: uniqueSubjects(draft.subject ?? []),
    people: uniqueEntities(draft.people ?? []),
    organisations: uniqueEntities(draft.organisations ?? []),
    places: uniqueEntities(draft.places ?? []),
    provider: cleanText(draft.provider) ?? context.format,
    copyrightnotice: cleanText(draft.copyrightnotice),
    embargoed: draft.embargoed,
    associations: (draft.associations ?? []).map(cleanAssociation),
    links: uniqueLinks(draft.links ?? []),
  };
  try {
    return canonicalStorySchema.parse(candidate);
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      throw new WireError('WIRE.INVALID_SHAPE', issue.message, {
        format: context.format,
        field: issue.path.join('.'),
        cause: error,
      });
    }
    throw error;
  }
}

function buildBody(draft: StoryDraft): { html?: string; text?: string } {
  if (draft.bodyHtml !== undefined) {
    const html = sanitizeBody(draft.bodyHtml);
    const text = htmlToText(html);
    if (html !== '' && text !== '') return { html, text };
  }
  if (draft.bodyText !== undefined) {
    const text = normaliseBodyText(draft.bodyText);
    if (text !== '') return { html: sanitizeBody(textToHtml(text)), text };
  }
  return {};
}

function validUrgency(urgency: number | undefined): number | undefined {
  return urgency !== undefined && Number.isInteger(urgency) && urgency >= 0 && urgency <= 9
    ? urgency
    : undefined;
}

function uniqueSubjects(subjects: readonly Subject[]): Subject[] {
  const seen = new Set<string>();
  const result: Subject[] = [];
  for (const subject of subjects) {
    const code = cleanText(subject.code);
    if (code === undefined || seen.has(code)) continue;
    seen.add(code);
    result.push({ code, name: cleanText(subject.name), scheme: cleanText(subject.scheme) });
  }
  return result;
}

function uniqueEntities(entities: readonly NamedEntity[]): NamedEntity[] {
  const seen = new Set<string>();
  const result: NamedEntity[] = [];
  for (const entity of entities) {
    const name = cleanText(entity.name);
    if (name === undefined) continue;
    const code = cleanText(entity.code);
    const key = `${name}\u0000${code ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ name, code, scheme: cleanText(entity.scheme) });
  }
  return result;
}

function cleanAssociation(association: Association): Association {
  return {
    type: association.type,
    uri: cleanText(association.uri),
    href: cleanText(association.href),
    mimetype: cleanText(association.mimetype),
    headline: cleanText(association.headline),
    description: cleanText(association.description),
    byline: cleanText(association.byline),
  };
}

function uniqueLinks(links: readonly Link[]): Link[] {
  const seen = new Set<string>();
  const result: Link[] = [];
  for (const link of links) {
    const href = cleanText(link.href);
    if (href === undefined || seen.has(href)) continue;
    seen.add(href);
    result.push({
      href,
      rel: cleanText(link.rel),
      title: cleanText(link.title),
      mimetype: cleanText(link.mimetype),
    });
  }
  return result;
}
