/**
 * The reference point for serving speed: a bare botbuilder echo bot (CloudAdapter + ActivityHandler),
 * authentication off, on the same restify as PasteFix. `PORT=n node dist/bench/echoBot.js`; prints
 * `listening <port>` once it accepts requests.
 *
 * With `ECHO_CARD_BYTES=n` it answers with an Adaptive Card of about n bytes instead of text: the cost of
 * sending an answer as big as PasteFix's, without any of PasteFix's work.
 */
import restify from 'restify';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type Activity,
} from 'botbuilder';

/**
 * An Adaptive Card of text blocks, about `bytes` long as JSON. Built in linear time: it once grew the body
 * one block at a time and serialised it after each, which cost this "bare" bot ~1 ms of CPU per turn and
 * made it a slower reference than it should be.
 */
function cardOfSize(bytes: number, text: string): Partial<Activity> {
  const line = `${text.replace(/\s+/g, ' ').slice(0, 150)} `.padEnd(160, '.');
  const block = { type: 'TextBlock', text: line, wrap: true };
  // Each block adds its JSON and a comma; the card's frame and the rest of the activity are about 150 bytes.
  const count = Math.max(1, Math.ceil((bytes - 150) / (JSON.stringify(block).length + 1)));
  const body = Array.from({ length: count }, () => ({ ...block }));
  return MessageFactory.attachment(CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body }));
}

class EchoBot extends ActivityHandler {
  constructor(cardBytes: number) {
    super();
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      await context.sendActivity(cardBytes > 0 ? cardOfSize(cardBytes, text) : MessageFactory.text(`Echo: ${text}`));
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(error);
  await context.sendActivity('The echo bot failed.');
};
const bot = new EchoBot(Number(process.env.ECHO_CARD_BYTES ?? 0));

const server = restify.createServer({ name: 'EchoBot' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
const port = Number(process.env.PORT ?? 3979);
server.listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
