/**
 * Regions of a page, for evidence: a weak name (one that is also an ordinary word) counts as a
 * name when the same entity is named strongly nearby, but "nearby" must mean the same item. A news
 * homepage, a live blog or a sidebar holds many unrelated items, and one headline about Syria must
 * not make every weak name in the other headlines count.
 *
 * A region is the nearest element of a kind that holds one item (REGION_TAGS, REGION_ROLES,
 * REGION_CLASS); evidence found in a region counts there and in the regions inside it (an article's
 * headline is evidence for a list inside its body), never in a sibling region. Text in no region
 * at all is in the document's region.
 */

/** Elements that hold one item or one article. */
const REGION_TAGS = new Set(['ARTICLE', 'LI', 'SECTION', 'ASIDE', 'TR', 'DIALOG', 'DD', 'BLOCKQUOTE']);

/** ARIA roles of the same. */
const REGION_ROLES = new Set(['article', 'listitem', 'complementary', 'dialog', 'row', 'region']);

/** Class or id words that news sites give their cards and items ("news-card", "story_item"). */
const REGION_CLASS = /(?:^|[\s_-])(?:card|item|story|teaser|tile|entry|widget|headline|post|ticker|breaking)s?(?:$|[\s_-])/i;

/** Whether an element holds one item of a page (a region of its own). */
export function isRegion(el: Element): boolean {
  if (REGION_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role !== null && REGION_ROLES.has(role)) return true;
  const cls = el.getAttribute('class');
  if (cls !== null && cls !== '' && REGION_CLASS.test(cls)) return true;
  const id = el.getAttribute('id');
  return id !== null && id !== '' && REGION_CLASS.test(id);
}

/** The document's own region: text outside any item. */
const PAGE = 'page';
type RegionKey = Element | typeof PAGE;

/**
 * The regions holding a node, innermost first, ending with the page; through open shadow roots to
 * their hosts.
 */
export function regionsOf(node: Node): RegionKey[] {
  const regions: RegionKey[] = [];
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE) {
      if (isRegion(current as Element)) regions.push(current as Element);
      current = current.parentNode;
    } else if (current.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      current = (current as ShadowRoot).host ?? null;
    } else {
      break;
    }
  }
  regions.push(PAGE);
  return regions;
}

/** Entities named strongly in each region: what detect may take as evidence for a weak name. */
export class RegionEvidence {
  private readonly byRegion = new WeakMap<Element, Set<string>>();
  private readonly page = new Set<string>();

  private setOf(region: RegionKey, create: boolean): Set<string> | undefined {
    if (region === PAGE) return this.page;
    let set = this.byRegion.get(region);
    if (!set && create) this.byRegion.set(region, (set = new Set()));
    return set;
  }

  /** The evidence for text at `node`: what its region and the regions around it know. */
  knownAt(node: Node): { has(entityId: string): boolean; regions: RegionKey[] } {
    const regions = regionsOf(node);
    const sets = regions.map((r) => this.setOf(r, false)).filter((s): s is Set<string> => s !== undefined);
    return {
      regions,
      has: (entityId: string) => {
        for (const s of sets) if (s.has(entityId)) return true;
        return false;
      },
    };
  }

  /** An entity named strongly in the innermost of these regions (from knownAt). */
  add(regions: readonly RegionKey[], entityId: string): void {
    this.setOf(regions[0]!, true)!.add(entityId);
  }
}
