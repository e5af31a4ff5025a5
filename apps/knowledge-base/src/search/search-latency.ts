import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LATENCY_BUCKETS, ServiceMetrics } from '@support/observability';
import { Histogram, type Registry } from 'prom-client';
import { finalize, type Observable } from 'rxjs';

export type SearchKind = 'articles' | 'autocomplete' | 'suggestions';

interface SearchTiming {
  kind: SearchKind;
  /** time only requests carrying this query parameter (a list without `q` is browsing, not a search) */
  queryParam?: string;
}

const SEARCH_TIMING = Symbol('SEARCH_TIMING');
const histograms = new WeakMap<Registry, Histogram<'kind'>>();

function searchHistogram(registry: Registry): Histogram<'kind'> {
  let histogram = histograms.get(registry);
  if (!histogram) {
    histogram = new Histogram({
      name: 'kb_search_duration_seconds',
      help: 'Help-center searches by kind (articles: GET /v1/articles?q=, autocomplete, suggestions: POST /v1/suggestions), handler time',
      labelNames: ['kind'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    histograms.set(registry, histogram);
  }
  return histogram;
}

@Injectable()
export class SearchLatencyInterceptor implements NestInterceptor {
  private readonly histogram: Histogram<'kind'>;

  constructor(
    private readonly reflector: Reflector,
    metrics: ServiceMetrics,
  ) {
    this.histogram = searchHistogram(metrics.registry);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const timing = this.reflector.get<SearchTiming | undefined>(SEARCH_TIMING, context.getHandler());
    const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
    if (!timing || (timing.queryParam && (query[timing.queryParam] === undefined || query[timing.queryParam] === ''))) return next.handle();
    const stop = this.histogram.startTimer({ kind: timing.kind });
    return next.handle().pipe(finalize(() => stop()));
  }
}

/** Times the handler in `kb_search_duration_seconds{kind}`. */
export function TimedSearch(kind: SearchKind, options: { queryParam?: string } = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(SEARCH_TIMING, { kind, ...options } satisfies SearchTiming),
    UseInterceptors(SearchLatencyInterceptor),
  );
}
