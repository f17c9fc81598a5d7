import type { Association } from '@lib/contracts';

const TYPES: Readonly<Record<string, Association['type']>> = {
  text: 'text',
  picture: 'picture',
  photo: 'picture',
  image: 'picture',
  video: 'video',
  audio: 'audio',
  graphic: 'graphic',
  graphics: 'graphic',
};

/** An item class (`ninat:picture`, `Photo`, `image/jpeg`, `video`) as an association type. */
export function associationType(raw: string | undefined): Association['type'] {
  if (raw === undefined) return 'other';
  const lower = raw.trim().toLowerCase();
  const key = lower.includes('/') ? lower.split('/')[0] : lower.replace(/^[a-z]+:/, '');
  return TYPES[key] ?? 'other';
}

/** Guesses a picture from a URL path when a feed gives no media type (Guardian `media:content`). */
export function looksLikeImageUrl(url: string): boolean {
  return /\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])/i.test(url);
}
