import type { Subject } from '@lib/contracts';
import { calendarDay, epochSeconds, toIsoDate } from '../common/dates';
import { WireError } from '../common/errors';
import { derivedUri, itemUri, normaliseProvider } from '../common/identity';
import { statusWithEmbargo } from '../common/pubstatus';
import type { StoryDraft } from '../common/story-draft';
import { cleanText, firstText, parseInteger } from '../common/text';
import type { XmlElement } from '../common/xml';
import { attr, child, children, descendants, path, textContent } from '../common/xml';
import { readXmlDocument } from '../common/xml-input';
import type { ParseContext, WireParser } from '../wire.types';
import { readNitfContent } from './nitf-content.reader';

const FORMAT = 'nitf';

/** NITF 3.x: one story per document, identity from `doc-id`, then `du-key`, else derived. */
export class NitfParser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const root = readXmlDocument(context);
    if (root.name !== 'nitf') {
      throw new WireError('WIRE.INVALID_SHAPE', `expected <nitf> root, found <${root.name}>`, {
        format: FORMAT,
      });
    }
    return [readNitfDocument(root, context.hints.provider)];
  }
}

function readNitfDocument(nitf: XmlElement, hintedProvider: string | undefined): StoryDraft {
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const docId = child(docdata, 'doc-id');
  const duKey = child(docdata, 'du-key');
  const content = readNitfContent(nitf);
  const bodyHead = path(nitf, 'body', 'body.head');

  const provider =
    normaliseProvider(
      firstText(
        attr(docId, 'regsrc'),
        attr(child(docdata, 'doc.rights'), 'owner'),
        textContent(child(bodyHead, 'distributor')),
        textContent(path(bodyHead, 'rights', 'rights.owner')),
        attr(child(docdata, 'doc.copyright'), 'holder'),
      ),
    ) ??
    normaliseProvider(hintedProvider) ??
    FORMAT;

  const issued = toIsoDate(
    firstText(
      attr(child(docdata, 'date.issue'), 'norm'),
      attr(child(head, 'pubdata'), 'date.publication'),
      attr(path(bodyHead, 'dateline', 'story.date'), 'norm'),
    ),
    { format: FORMAT, field: 'docdata/date.issue' },
  );
  const release = toIsoDate(attr(child(docdata, 'date.release'), 'norm'), {
    format: FORMAT,
    field: 'docdata/date.release',
  });
  const status = statusWithEmbargo(attr(docdata, 'management-status'), release, {
    format: FORMAT,
    field: 'docdata@management-status',
  });
  // A release time later than the issue time is an embargo even when the status says usable.
  const embargoed =
    status.embargoed ??
    (release !== undefined && issued !== undefined && epochSeconds(release) > epochSeconds(issued)
      ? release
      : undefined);

  const headline = firstText(content.headline, textContent(child(head, 'title')));
  const id = firstText(attr(docId, 'id-string'), attr(duKey, 'key'));
  const uri =
    id !== undefined
      ? itemUri(id, provider)
      : derivedUri(
          provider,
          FORMAT,
          issued === undefined ? undefined : calendarDay(issued),
          [headline],
          {
            field: 'docdata/doc-id@id-string',
          },
        );

  return {
    uri,
    provider,
    version: parseInteger(attr(duKey, 'version')),
    versioncreated: issued,
    pubstatus: status.pubstatus,
    embargoed,
    language: firstText(attr(nitf, 'baselang'), attr(nitf, 'lang'), attr(head, 'lang')),
    urgency: parseInteger(attr(child(docdata, 'urgency'), 'ed-urg')),
    headline,
    subheadline: content.subheadline,
    byline: content.byline,
    slugline: firstText(
      attr(duKey, 'key'),
      attr(path(docdata, 'key-list', 'keyword'), 'key'),
      metaContent(head, 'anpa-keyword'),
    ),
    located: firstText(content.located, attr(child(docdata, 'evloc'), 'city')),
    description: content.description,
    bodyHtml: content.bodyHtml,
    subject: readSubjects(head),
    people: content.people,
    organisations: content.organisations,
    places: [...content.places, ...eventLocations(docdata)],
    copyrightnotice: copyrightNotice(docdata, bodyHead),
    associations: content.associations,
  };
}

function metaContent(head: XmlElement | undefined, name: string): string | undefined {
  return attr(
    children(head, 'meta').find((meta) => attr(meta, 'name') === name),
    'content',
  );
}

/** `tobject.subject`: IPTC subject reference numbers become `subj:` codes, others keep their owner. */
function readSubjects(head: XmlElement | undefined): Subject[] {
  return descendants(child(head, 'tobject'), 'tobject.subject').flatMap((subject): Subject[] => {
    const refnum = attr(subject, 'tobject.subject.refnum');
    if (refnum === undefined) return [];
    const owner = attr(subject, 'tobject.subject.ipr') ?? 'IPTC';
    const isIptc = owner.toUpperCase() === 'IPTC' && /^\d{8}$/.test(refnum);
    const scheme = isIptc ? 'subj' : owner.toLowerCase();
    return [
      {
        code: `${scheme}:${refnum}`,
        scheme,
        name: firstText(
          attr(subject, 'tobject.subject.detail'),
          attr(subject, 'tobject.subject.matter'),
          attr(subject, 'tobject.subject.type'),
        ),
      },
    ];
  });
}

function eventLocations(docdata: XmlElement | undefined): { name: string; code?: string }[] {
  return children(docdata, 'evloc').flatMap((evloc) => {
    const name = firstText(attr(evloc, 'city'), attr(evloc, 'state-prov'), attr(evloc, 'country'));
    return name === undefined ? [] : [{ name, code: attr(evloc, 'iso-cc') }];
  });
}

function copyrightNotice(
  docdata: XmlElement | undefined,
  bodyHead: XmlElement | undefined,
): string | undefined {
  const copyright = child(docdata, 'doc.copyright');
  const holder =
    attr(copyright, 'holder') ?? cleanText(textContent(path(bodyHead, 'rights', 'rights.owner')));
  if (holder === undefined) return undefined;
  const year = attr(copyright, 'year');
  return year === undefined ? `© ${holder}` : `© ${year} ${holder}`;
}
