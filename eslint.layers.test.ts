import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer boundaries are checked by lint (eslint.layers.mjs): a deliberate violation must fail it.
const eslint = new ESLint({ cwd: __dirname });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(__dirname, file) });
  return result.messages.filter((m) => m.ruleId === 'perimeter/layers').map((m) => m.message);
}

describe('layer boundaries (perimeter/layers)', () => {
  it('lib/ may not import components, viewmodels, server, app or cli', async () => {
    for (const spec of ['@/components/ui/Badge', '@/viewmodels/graph/graphModel', '../../server/auth', '@/app/page', '@/cli/main']) {
      expect(await layerErrors('lib/netpol/x.ts', `import { a } from '${spec}';\nexport const b = a;\n`), spec).toHaveLength(1);
    }
    expect(await layerErrors('lib/netpol/x.ts', `import { parseCidr } from './ipRange';\nexport const b = parseCidr;\n`)).toEqual([]);
  });

  it('lib/ is pure outside its adapters: no file system, network or UI packages', async () => {
    expect(await layerErrors('lib/netpol/x.ts', `import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n`)).toHaveLength(1);
    expect(await layerErrors('lib/rbac/x.ts', `import { KubeConfig } from '@kubernetes/client-node';\nexport const b = KubeConfig;\n`)).toHaveLength(1);
    expect(await layerErrors('lib/report/x.ts', `import { useState } from 'react';\nexport const b = useState;\n`)).toHaveLength(1);
    expect(await layerErrors('lib/sources/x.ts', `import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n`)).toEqual([]);
    expect(await layerErrors('lib/report/x.ts', `import { createHash } from 'node:crypto';\nexport const b = createHash;\n`)).toEqual([]);
  });

  it('view models use no React and no components', async () => {
    expect(await layerErrors('viewmodels/graph/x.ts', `import { useMemo } from 'react';\nexport const b = useMemo;\n`)).toHaveLength(1);
    expect(await layerErrors('viewmodels/graph/x.ts', `import { GRAPH_COLORS } from '@/components/graph/graphStyles';\nexport const b = GRAPH_COLORS;\n`)).toHaveLength(1);
  });

  it('route handlers and server/ never import components; the CLI uses lib only', async () => {
    expect(await layerErrors('app/api/x/route.ts', `import { Badge } from '@/components/ui/Badge';\nexport const b = Badge;\n`)).toHaveLength(1);
    expect(await layerErrors('server/x.ts', `import 'server-only';\nimport { Badge } from '@/components/ui/Badge';\nexport const b = Badge;\n`)).toHaveLength(1);
    expect(await layerErrors('cli/x.ts', `import { currentSnapshot } from '@/server/currentSnapshot';\nexport const b = currentSnapshot;\n`)).toHaveLength(1);
    expect(await layerErrors('app/api/x/route.ts', `import { currentSnapshot } from '@/server/currentSnapshot';\nexport const b = currentSnapshot;\n`)).toEqual([]);
  });

  it("a 'use client' component may not import server/; a server component may", async () => {
    const code = `import { currentSnapshot } from '@/server/currentSnapshot';\nexport const b = currentSnapshot;\n`;
    expect(await layerErrors('components/shell/X.tsx', `'use client';\n${code}`)).toHaveLength(1);
    expect(await layerErrors('components/shell/X.tsx', code)).toEqual([]);
  });
});

describe('server-only marker', () => {
  it("every server/ module imports 'server-only'", async () => {
    expect(await layerErrors('server/x.ts', `export const b = 1;\n`)).toHaveLength(1);
    expect(await layerErrors('server/x.ts', `import 'server-only';\nexport const b = 1;\n`)).toEqual([]);
  });
});
