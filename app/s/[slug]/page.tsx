import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { SharedView } from '@/components/share/shared-view';
import { TURNS_PER_PAGE } from '@/lib/api/inputs';
import { config } from '@/lib/config';
import { currentVoterId } from '@/lib/http/request-context';
import { shareDescription } from '@/lib/shares/describe';
import { readShare } from '@/lib/shares/read-share';

type Props = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => {
  // Read on every request: a revoked share is gone at once, on every instance.
  await connection();
  return readShare({ slug, voterId: currentVoterId(), latestTurns: TURNS_PER_PAGE });
});

/** Where people reach this instance, for the absolute URLs link previews need. */
async function origin(): Promise<string> {
  if (config.publicUrl) return config.publicUrl;
  const sent = await headers();
  const proto = sent.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${sent.get('host') ?? `${config.host}:${config.port}`}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const shared = await load(slug);
  if (!shared) return { title: 'Not found', robots: { index: false } };
  const title = shared.card.blind ? 'Blind challenge' : shared.conversation.title;
  const description = shareDescription(shared.card);
  const image = `${await origin()}/s/${slug}/image`;
  return {
    title,
    description,
    robots: shared.indexable ? { index: true, follow: false } : { index: false, follow: false },
    openGraph: {
      type: 'article',
      siteName: 'Versus',
      title,
      description,
      images: [{ url: image, width: 1200, height: 630, alt: description }],
    },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}

/** A share link: the conversation as it was shared, read-only, for anyone with the link. */
export default async function SharePage({ params }: Props) {
  const { slug } = await params;
  const shared = await load(slug);
  if (!shared) notFound();
  const { indexable: _indexable, card: _card, ...initial } = shared;
  return <SharedView slug={slug} initial={initial} />;
}
