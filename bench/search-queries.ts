// Searches as candidates type them, for the benchmark's uncached search scenario: 1–3 terms from real Django
// words, identifiers, acronyms and settings, "X vs Y", now and then a misspelling or a topic/difficulty filter.
// Every query differs from those before it, so no cache holds its answer: the route's own cost is measured.
// Deterministic (a seeded generator): runs are comparable.
import { seededRandom } from "../lib/interviews/random";

const WORDS = (
  "middleware signals migrations queryset serializer viewset router permissions throttling authentication session " +
  "caching template context form validation transaction isolation index pagination cursor admin deployment gunicorn " +
  "uvicorn nginx docker logging sentry fixtures factory mock pytest coverage async channels websocket password hashing " +
  "settings environment static media storage upload performance profiling replica sharding queue idempotent retry " +
  "webhook manager annotate aggregate subquery prefetch lazy evaluation foreign key constraint unique deadlock locking " +
  "timezone translation signal receiver contenttypes generic relation inheritance proxy abstract fixture database " +
  "router throttle versioning filtering ordering nested writable hyperlinked token refresh expiry cookie redirect " +
  "streaming response upload chunked email backend celery beat broker worker periodic backoff rate limit monitoring"
).split(/\s+/);

const IDENTIFIERS = (
  "select_related prefetch_related get_or_create update_or_create bulk_create bulk_update select_for_update " +
  "on_delete related_name get_queryset get_object form_valid cleaned_data is_valid save_model list_display " +
  "transaction.atomic on_commit request.user LoginRequiredMixin PermissionRequiredMixin ModelSerializer " +
  "APIView GenericAPIView ModelViewSet DjangoFilterBackend JSONField ArrayField OuterRef Subquery F() Q() " +
  "only defer values_list iterator exists annotate ALLOWED_HOSTS DEBUG SECRET_KEY STATIC_ROOT MIDDLEWARE " +
  "CSRF_TRUSTED_ORIGINS SESSION_ENGINE CACHES DATABASES CONN_MAX_AGE AUTH_USER_MODEL DEFAULT_AUTO_FIELD " +
  "reverse_lazy get_absolute_url clean_fields full_clean post_save pre_delete m2m_changed"
).split(/\s+/);

const ACRONYMS = "CSRF XSS ORM DRF JWT ASGI WSGI CORS SQL N+1 HSTS CSP OAuth2 REST API TLS 404 403 500 CI".split(/\s+/);

const PAIRS: [string, string][] = [
  ["select_related", "prefetch_related"],
  ["ASGI", "WSGI"],
  ["session", "token"],
  ["JWT", "session"],
  ["Form", "ModelForm"],
  ["APIView", "ViewSet"],
  ["filter", "exclude"],
  ["only", "defer"],
  ["values", "values_list"],
  ["get", "filter"],
  ["null", "blank"],
  ["ForeignKey", "OneToOneField"],
  ["signals", "overriding save"],
  ["celery", "cron"],
  ["redis", "memcached"],
  ["function based views", "class based views"],
  ["abstract", "proxy"],
  ["gunicorn", "uvicorn"],
  ["unittest", "pytest"],
  ["TestCase", "TransactionTestCase"],
  ["annotate", "aggregate"],
  ["authentication", "authorization"],
  ["optimistic", "pessimistic locking"],
  ["offset", "cursor pagination"],
];

const TOPICS = [
  "models-orm",
  "views-urls",
  "drf",
  "security",
  "caching-performance",
  "testing",
  "auth",
  "deployment-devops",
  "middleware",
];
const DIFFICULTIES = ["easy", "medium", "hard"];

/** Two neighbouring letters swapped, as fast typing does ("middlewrae"). */
function misspell(word: string, random: () => number): string {
  if (word.length < 5 || !/^[a-z_]+$/.test(word)) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** An endless run of search query strings (`q=…` and sometimes `&topic=`/`&difficulty=`), none repeated. */
export function searchQueries(seed = 20): () => string {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const seen = new Set<string>();
  const term = () => {
    const r = random();
    const word = r < 0.5 ? pick(WORDS) : r < 0.8 ? pick(IDENTIFIERS) : pick(ACRONYMS);
    return random() < 0.08 ? misspell(word, random) : word;
  };
  const one = (): string => {
    const r = random();
    let text: string;
    if (r < 0.15) {
      const [a, b] = pick(PAIRS);
      text = random() < 0.5 ? `${a} vs ${b}` : `difference between ${a} and ${b}`;
    } else {
      const count = r < 0.45 ? 1 : r < 0.8 ? 2 : 3;
      text = Array.from({ length: count }, term).join(" ");
    }
    const f = random();
    const filter = f < 0.1 ? `&topic=${pick(TOPICS)}` : f < 0.2 ? `&difficulty=${pick(DIFFICULTIES)}` : "";
    return `q=${encodeURIComponent(text)}${filter}`;
  };
  return () => {
    for (;;) {
      const query = one();
      const key = query.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      return query;
    }
  };
}
