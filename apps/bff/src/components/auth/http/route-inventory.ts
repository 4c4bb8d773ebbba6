import type { Express } from 'express';
import { guardOf, type GuardTag } from './auth-guards';

/** One route of the app with every guard on its way to the handler (router-level and route-level). */
export interface RouteInfo {
  method: string;
  /** Full path, e.g. `/api/cameras/:id`; a RegExp route is shown as its source. */
  path: string;
  guards: GuardTag[];
}

interface LayerLike {
  rawPath?: string | RegExp | (string | RegExp)[];
  handle: unknown;
  route?: { path: string | RegExp; methods: Record<string, boolean>; stack: LayerLike[] };
}

function joinPath(prefix: string, p: string | RegExp | (string | RegExp)[] | undefined): string {
  if (p === undefined) return prefix;
  if (Array.isArray(p)) return joinPath(prefix, p[0]);
  if (p instanceof RegExp) return `${prefix}${p.source}`;
  if (p === '/' || p === '') return prefix || '/';
  return `${prefix}${p.startsWith('/') ? p : `/${p}`}`;
}

function stackOf(handle: unknown): LayerLike[] | undefined {
  const stack = (handle as { stack?: unknown }).stack;
  return Array.isArray(stack) ? (stack as LayerLike[]) : undefined;
}

function walk(
  stack: LayerLike[],
  prefix: string,
  inherited: { prefix: string; guard: GuardTag }[],
  out: RouteInfo[],
) {
  // Middleware guards of this router apply to what is registered after them under their path.
  const scoped = [...inherited];
  for (const layer of stack) {
    if (layer.route) {
      const path = joinPath(prefix, layer.route.path);
      const routeGuards = layer.route.stack.map((l) => guardOf(l.handle)).filter((g): g is GuardTag => !!g);
      const applying = scoped
        .filter(
          (s) =>
            path === s.prefix || path.startsWith(s.prefix === '/' ? '/' : `${s.prefix}/`) || s.prefix === '',
        )
        .map((s) => s.guard);
      for (const method of Object.keys(layer.route.methods)) {
        out.push({
          method: method === '_all' ? 'ALL' : method.toUpperCase(),
          path,
          guards: [...applying, ...routeGuards],
        });
      }
      continue;
    }
    const sub = stackOf(layer.handle);
    if (sub) {
      walk(sub, joinPath(prefix, layer.rawPath).replace(/\/$/, ''), scoped, out);
      continue;
    }
    const guard = guardOf(layer.handle);
    if (guard) scoped.push({ prefix: joinPath(prefix, layer.rawPath).replace(/\/$/, ''), guard });
  }
}

/** Every route of an Express 5 app, read from its router stack. */
export function listRoutes(app: Express): RouteInfo[] {
  const router = (app as unknown as { router?: unknown }).router;
  const stack = stackOf(router);
  if (!stack) return [];
  const out: RouteInfo[] = [];
  walk(stack, '', [], out);
  return out;
}

/** Routes that nothing guards and nobody declared public: each is a hole in "authorization on every path". */
export function unguardedRoutes(app: Express): RouteInfo[] {
  return listRoutes(app).filter((r) => r.guards.length === 0);
}
