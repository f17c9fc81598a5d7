import type { WireFormat } from '@lib/contracts';
import { Anpa1312Parser } from './anpa-1312/anpa-1312.parser';
import { ApMediaJsonParser } from './ap-media-json/ap-media-json.parser';
import { AtomParser } from './atom/atom.parser';
import { Iptc7901Parser } from './iptc-7901/iptc-7901.parser';
import { Newsml12Parser } from './newsml-1-2/newsml-1-2.parser';
import { NewsmlG2Parser } from './newsml-g2/newsml-g2.parser';
import { NinjsParser } from './ninjs/ninjs.parser';
import { NitfParser } from './nitf/nitf.parser';
import { RssParser } from './rss/rss.parser';
import type { WireParser } from './wire.types';

/** One parser per format; the Record type makes a new format without a parser a compile error. */
export const PARSERS: Readonly<Record<WireFormat, WireParser>> = {
  ninjs: new NinjsParser(),
  'newsml-g2': new NewsmlG2Parser(),
  'newsml-1.2': new Newsml12Parser(),
  nitf: new NitfParser(),
  'anpa-1312': new Anpa1312Parser(),
  'iptc-7901': new Iptc7901Parser(),
  'ap-media-json': new ApMediaJsonParser(),
  rss: new RssParser(),
  atom: new AtomParser(),
};
