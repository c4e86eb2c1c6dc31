// Container logs of the fake cluster. Tests append lines; `GET .../pods/NAME/log` reads them, and with `follow=true`
// keeps the response open and streams lines appended later.

type Follower = (line: string) => void;

export class PodLogs {
  private readonly lines = new Map<string, string[]>();
  private readonly followers = new Map<string, Set<Follower>>();

  /** Appends lines (without their newline) to one container's log. */
  append(namespace: string, pod: string, container: string, ...lines: string[]): void {
    const key = logKey(namespace, pod, container);
    const buf = this.lines.get(key) ?? [];
    buf.push(...lines);
    this.lines.set(key, buf);
    for (const f of this.followers.get(key) ?? []) for (const l of lines) f(l);
  }

  read(namespace: string, pod: string, container: string, tailLines?: number): string[] {
    const all = this.lines.get(logKey(namespace, pod, container)) ?? [];
    return tailLines !== undefined ? all.slice(Math.max(0, all.length - tailLines)) : [...all];
  }

  follow(namespace: string, pod: string, container: string, f: Follower): () => void {
    const key = logKey(namespace, pod, container);
    const set = this.followers.get(key) ?? new Set();
    set.add(f);
    this.followers.set(key, set);
    return () => set.delete(f);
  }
}

const logKey = (ns: string, pod: string, c: string) => `${ns}/${pod}/${c}`;
