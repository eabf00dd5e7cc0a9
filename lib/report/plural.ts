/** `1 policy` / `3 policies` / `1,540 subjects`: counts as the dashboard and the CLI both print them. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
