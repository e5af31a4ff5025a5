/** One sample of a Prometheus text exposition (`GET /metrics`): `name{labels} value`. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})? (\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** Every sample of an exposition, in order (comments and blank lines left out). */
export function parseMetricsText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE_LINE.exec(line);
    if (!match) continue;
    const [, name, labelText = '', value] = match;
    const labels = Object.fromEntries([...labelText.matchAll(LABEL)].map(([, label, labelValue]) => [label, labelValue]));
    samples.push({ name, labels, value: Number(value) });
  }
  return samples;
}

/** The value of the first sample named `name` that carries all of `labels` (null: none). */
export function metricSample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const found = parseMetricsText(text).find(
    (sample) => sample.name === name && Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
  );
  return found ? found.value : null;
}
