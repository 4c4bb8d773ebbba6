import http from 'node:http';
import mqtt from 'mqtt';
import { Server } from 'socket.io';

/**
 * The event-path benchmark's baseline: a bare socket.io server that forwards every MQTT payload it receives to
 * every client, one emit per message, with no validation, storage or rooms. Run as its own process so it gets
 * its own event loop, like the BFF. Prints "ready <port>" when subscribed.
 */
const [mqttUrl, topic] = process.argv.slice(2);
if (!mqttUrl || !topic) throw new Error('usage: baseline-broadcast.ts <mqtt url> <topic filter>');

const server = http.createServer();
const io = new Server(server, { serveClient: false });
const client = await mqtt.connectAsync(mqttUrl, { protocolVersion: 5, clean: true });
client.on('message', (_topic, payload) => {
  io.emit('event', JSON.parse(payload.toString('utf8')) as unknown);
});
await client.subscribeAsync(topic, { qos: 1 });
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  void client.endAsync().finally(() => process.exit(0));
});
