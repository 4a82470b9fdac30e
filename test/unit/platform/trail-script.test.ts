import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Registered {
  id: string;
  js: string[];
  matches: string[];
  runAt: string;
}

// A registry that refuses a duplicate id, as Chrome and Firefox do.
const registry = vi.hoisted(() => new Map<string, Registered>());
vi.mock('wxt/browser', () => ({
  browser: {
    scripting: {
      async getRegisteredContentScripts({ ids }: { ids: string[] }) {
        await Promise.resolve();
        return ids.flatMap((id) => (registry.has(id) ? [registry.get(id)!] : []));
      },
      async unregisterContentScripts({ ids }: { ids: string[] }) {
        await Promise.resolve();
        for (const id of ids) if (!registry.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      },
      async registerContentScripts(scripts: Registered[]) {
        await Promise.resolve();
        for (const s of scripts) {
          if (registry.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registry.set(s.id, s);
        }
      },
    },
  },
}));

const { watchTrailOn } = await import('../../../lib/platform/adapter');

describe('the click-path watcher registration', () => {
  beforeEach(() => registry.clear());

  it('registers the trail script for the site from document_start', async () => {
    await watchTrailOn('https://www.town.go.th/*');
    expect([...registry.values()]).toEqual([
      expect.objectContaining({
        js: ['/content-scripts/trail.js'],
        matches: ['https://www.town.go.th/*'],
        runAt: 'document_start',
      }),
    ]);
  });

  it('replaces an earlier site, and removes the script when given none', async () => {
    await watchTrailOn('https://old.go.th/*');
    await watchTrailOn('https://new.go.th/*');
    expect([...registry.values()].map((s) => s.matches)).toEqual([['https://new.go.th/*']]);
    await watchTrailOn(null);
    expect(registry.size).toBe(0);
    await expect(watchTrailOn(null)).resolves.toBeUndefined();
  });

  it('leaves an identical registration alone (each worker start asks again)', async () => {
    await watchTrailOn('https://www.town.go.th/*');
    const first = registry.get('ita-trail');
    await watchTrailOn('https://www.town.go.th/*');
    expect(registry.get('ita-trail')).toBe(first);
  });

  it('applies requests made together one after another, the last one winning', async () => {
    await Promise.all([watchTrailOn('https://a.go.th/*'), watchTrailOn('https://b.go.th/*')]);
    expect([...registry.values()].map((s) => s.matches)).toEqual([['https://b.go.th/*']]);
  });

  it('a failed change does not block the next one', async () => {
    registry.set('ita-trail', { id: 'ita-trail', js: [], matches: ['x'], runAt: 'document_idle' });
    const failing = vi.spyOn(registry, 'delete').mockReturnValueOnce(false);
    await expect(watchTrailOn('https://a.go.th/*')).rejects.toThrow(/Nonexistent/);
    failing.mockRestore();
    await watchTrailOn('https://b.go.th/*');
    expect([...registry.values()].map((s) => s.matches)).toEqual([['https://b.go.th/*']]);
  });
});
