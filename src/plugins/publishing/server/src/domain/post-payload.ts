/**
 * Our content → a WordPress post body (`/wp/v2/posts`). Pure. The marker is an HTML comment carrying
 * the content's documentId: WordPress has no idempotency key, so after an attempt whose outcome is
 * unknown we search the site's posts for the marker before creating (see services/publisher.ts).
 */
export interface ContentForPost {
  documentId: string;
  title: string;
  slug?: string | null;
  html?: string | null;
  excerpt?: string | null;
  scheduledAt?: string | Date | null;
}

export const markerToken = (documentId: string) => `igny8ref${documentId.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
export const markerComment = (documentId: string) => `<!-- ${markerToken(documentId)} -->`;

export const slugFor = (content: Pick<ContentForPost, 'slug' | 'title'>) =>
  (content.slug ||
    content.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 190)) ||
  'post';

export interface PostBody {
  title: string;
  content: string;
  excerpt: string;
  slug: string;
  status: 'draft' | 'publish' | 'future';
  categories: number[];
  tags: number[];
  featured_media?: number;
  date_gmt?: string;
}

export const postBody = (args: {
  content: ContentForPost;
  status: PostBody['status'];
  categories: number[];
  tags: number[];
  featuredMedia?: number;
  now?: Date;
}): PostBody => {
  const { content, categories, tags, featuredMedia } = args;
  const html = content.html ?? '';
  const scheduled = content.scheduledAt ? new Date(content.scheduledAt) : undefined;
  let status = args.status;
  // A publish with a date still ahead becomes WordPress's own "future" post.
  if (status === 'publish' && scheduled && scheduled.getTime() > (args.now ?? new Date()).getTime()) status = 'future';
  return {
    title: content.title,
    content: `${html}\n${markerComment(content.documentId)}`,
    excerpt: content.excerpt ?? '',
    slug: slugFor(content),
    status,
    categories,
    tags,
    ...(featuredMedia ? { featured_media: featuredMedia } : {}),
    ...(scheduled ? { date_gmt: scheduled.toISOString().slice(0, 19) } : {}),
  };
};

/** True when a post found on the site is the one this content created (its raw content carries the marker). */
export const isOurPost = (post: { content?: { raw?: string; rendered?: string } }, documentId: string) =>
  Boolean((post.content?.raw ?? post.content?.rendered ?? '').includes(markerToken(documentId)));
