import type { Case } from '../domain/case.ts';
import { NotFoundError } from '../domain/errors.ts';
import { PUBLIC_TIMELINE_ENTRIES, type PublicCase, publicCaseView } from '../domain/public-case.ts';
import type { TimelineEntry } from '../domain/timeline.ts';
import { mergeTarget } from '../relations/merge-target.ts';
import type { Deps } from '../shared/deps.ts';

/** Internal entries sit between public ones: this many pages of 100 are read at most to find enough. */
const MAX_PAGES = 3;

/**
 * One answer for every link that does not open a case (forged, replaced, of a draft, of a case
 * that is gone), so the answer tells a guesser nothing.
 */
const noSuchLink = () => new NotFoundError('no case has this link; the link may have been replaced: ask the helpdesk for the current one');

/**
 * The case a public link token opens, checked against the tenant's secret and the case's current
 * link generation; the link of a case merged into another opens that one.
 */
export async function linkedCase(token: string, deps: Deps): Promise<Case> {
  const linked = (await deps.links()).parse(token);
  if (!linked) throw noSuchLink();
  let c: Case;
  try {
    c = await deps.cases.getCase(linked.caseId);
  } catch (error) {
    if (error instanceof NotFoundError) throw noSuchLink();
    throw error;
  }
  if (c.linkGeneration !== linked.generation || c.status === 'draft') throw noSuchLink();
  return mergeTarget(c, (id) => deps.cases.getCase(id));
}

/** The case's public side: reads newest first until it has enough public entries. */
export async function publicView(c: Case, deps: Deps): Promise<PublicCase> {
  const entries: TimelineEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const read = await deps.cases.timelinePage(c.id, { order: 'newest_first', limit: 100, upTo: c.entryCount, ...(cursor ? { cursor } : {}) });
    entries.push(...read.items);
    if (!read.nextCursor || entries.filter((e) => e.visibility === 'public').length >= PUBLIC_TIMELINE_ENTRIES) break;
    cursor = read.nextCursor;
  }
  const view = publicCaseView(c, entries);
  if (!view) throw noSuchLink();
  return view;
}
