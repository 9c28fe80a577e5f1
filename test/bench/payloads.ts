/**
 * Realistic webhook bodies for the benchmarks: Kindly dialogue webhooks shaped like
 * docs/kindly.md §5 (JSON, ~0.5–1 KB) and Dashly chat-message webhooks shaped like docs/dashly.md §1
 * (form-encoded `conversation=<JSON>&type=conversation&token=…`, ~0.8–1.2 KB), plus occasional
 * other requests. Deterministic for a given index, so runs are comparable.
 */

const WORDS = (
  'when are you open on saturday do you have this jacket in blue my order has not arrived yet ' +
  'can I return shoes bought online where is the nearest store I need help with my invoice please ' +
  'the payment failed twice what sizes are in stock is delivery free over five hundred kroner ' +
  'thanks that helped a lot can I talk to a human agent the app crashes when I log in'
).split(' ');

/** A small deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number, min: number, max: number): string {
  const n = min + Math.floor(random() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'hello');
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}?`;
}

function uuid(random: () => number): string {
  const hex = () =>
    Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  const h = `${hex()}${hex()}${hex()}${hex()}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface BenchRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  provider: 'kindly' | 'dashly' | 'other';
}

/** Kindly chats and Dashly conversations are reused, like real traffic: about 20 messages each. */
export function kindlyRequest(index: number, conversations = 50_000): BenchRequest {
  const random = rng(index * 7919 + 1);
  const chat = Math.floor(random() * conversations);
  const chatRandom = rng(chat + 17);
  const chatId = uuid(chatRandom);
  const withAttachment = random() < 0.1;
  const body = {
    organization_id: 42,
    bot_id: 1234,
    chat_id: chatId,
    user_id: `u-${(chat * 2654435761).toString(16).slice(-8)}`,
    chat_labels: random() < 0.2 ? ['vip'] : [],
    exchange: { exchange_id: uuid(random), language_code: random() < 0.7 ? 'en' : 'nb' },
    message: sentence(random, 3, 25),
    attachments: withAttachment
      ? [
          {
            created: new Date(1_714_000_000_000 + index * 1000).toISOString(),
            name: 'photo.jpg',
            url: `https://files.example.net/signed/${uuid(random)}.jpg?sig=${uuid(random)}`,
            size_kb: Math.floor(random() * 900),
            status: 'uploaded',
            type: 'image',
          },
        ]
      : [],
    context: { store: random() < 0.5 ? 'oslo-sentrum' : 'bergen', cart_items: Math.floor(random() * 6) },
    _links: { chat: `https://bot.kindly.ai/api/v1/chats/${chatId}` },
    source: 'web',
    web_host: 'shop.example.com',
    web_path: '/stores/oslo',
    web_url: 'https://shop.example.com/stores/oslo',
  };
  return {
    path: '/kindly',
    provider: 'kindly',
    headers: {
      'content-type': 'application/json',
      'kindly-hmac-algorithm': 'HMAC-SHA-256 (base64 encoded)',
      'kindly-hmac': 'yR4BerAN/nxabn8z8XgOtZstAfGwHAnwLk/ufBc76zM=',
      'user-agent': 'Kindly-Webhooks/1.0',
    },
    body: JSON.stringify(body),
  };
}

export function dashlyRequest(index: number, conversations = 50_000): BenchRequest {
  const random = rng(index * 104729 + 3);
  const conversation = 60_000_000 + Math.floor(random() * conversations);
  const fromUser = random() < 0.6;
  const part = {
    direction: fromUser ? 'u2a' : 'a2u',
    conversation_closed: false,
    conversation_tags: random() < 0.3 ? ['billing'] : [],
    type: fromUser ? 'reply_user' : 'reply_admin',
    id: 78_000_000 + index,
    body: sentence(random, 3, 30),
    assignee: {
      type: 'admin',
      name: 'inkov',
      avatar: 'https://files.dashly.io/avatars/default-v2.png',
      id: 111,
    },
    sent_via: fromUser ? 'web_user' : 'web_admin',
    created: 1_492_604_036 + index,
    random_id: Math.floor(random() * 1e9),
    conversation,
    from: fromUser ? 85_648_207 + (conversation % 1000) : { id: 111, name: 'inkov', type: 'admin' },
  };
  return {
    path: '/dashly',
    provider: 'dashly',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Dashly Webhook 1.0' },
    body: new URLSearchParams({
      conversation: JSON.stringify(part),
      type: 'conversation',
      token: 'bench-token-0123456789',
    }).toString(),
  };
}

/** Something else hitting the listener now and then: a JSON event of a few KB. */
export function otherRequest(index: number): BenchRequest {
  const random = rng(index * 31 + 5);
  const items = Array.from({ length: 5 + Math.floor(random() * 40) }, (_, i) => ({
    id: `${index}-${i}`,
    sku: uuid(random),
    title: sentence(random, 2, 8),
    qty: Math.floor(random() * 5) + 1,
  }));
  return {
    path: `/hooks/orders/${index % 97}`,
    provider: 'other',
    headers: { 'content-type': 'application/json', 'user-agent': 'shop-events/2.3' },
    body: JSON.stringify({ event: 'order.updated', at: 1_714_000_000 + index, items }),
  };
}

/** The mix used everywhere: 48 % Kindly, 48 % Dashly, 4 % other. */
export function mixedRequest(index: number, conversations?: number): BenchRequest {
  const slot = index % 25;
  if (slot === 24) return otherRequest(index);
  return slot % 2 === 0 ? kindlyRequest(index, conversations) : dashlyRequest(index, conversations);
}
