/**
 * The reference point for serving speed: a bare botbuilder echo bot (CloudAdapter + ActivityHandler),
 * authentication off, on the same restify as PasteFix. `PORT=n node dist/bench/echoBot.js`; prints
 * `listening <port>` once it accepts requests.
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`));
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(error);
  await context.sendActivity('The echo bot failed.');
};
const bot = new EchoBot();

const server = restify.createServer({ name: 'EchoBot' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
const port = Number(process.env.PORT ?? 3979);
server.listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
