import { kafkaClientConfig } from '@support/messaging';
import { CommonEnvironment, loadEnvironment } from '@support/platform';
import { startMockKafka, TEST_JWT_SECRET, type RunningBroker } from '@support/testing-core';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSettingsFromEnvironment } from '../src';

/**
 * The TLS and SASL variables reach the Kafka client the services build. The development broker
 * speaks plaintext without SASL, so a client that asks for either is turned away, each in its own
 * way, where a plain one is served.
 */
describe('Kafka TLS and SASL from the environment, against the development broker', () => {
  let broker: RunningBroker;

  beforeAll(async () => {
    broker = await startMockKafka();
  });
  afterAll(() => broker?.stop());

  async function listTopicsWith(vars: Record<string, string>): Promise<string> {
    const env = loadEnvironment(CommonEnvironment, { KAFKA_BROKERS: broker.brokers, AUTH_JWT_SECRET: TEST_JWT_SECRET, ...vars });
    const client = kafkaClientConfig(kafkaSettingsFromEnvironment(env, 'security-test'));
    const admin = new Kafka({ ...client, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    try {
      await admin.connect();
      await admin.listTopics();
      return 'served';
    } catch (error) {
      return (error as Error).name;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  it('plaintext without SASL is served', async () => {
    await expect(listTopicsWith({})).resolves.toBe('served');
  });

  it.each(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'])(
    'KAFKA_SASL_MECHANISM=%s makes the client open a SASL handshake, which this broker does not offer',
    async (mechanism) => {
      await expect(
        listTopicsWith({ KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: 'svc', KAFKA_SASL_PASSWORD: 'secret' }),
      ).resolves.toBe('KafkaJSServerDoesNotSupportApiKey');
    },
  );

  it('KAFKA_SSL=true makes the client start TLS, which a plaintext listener drops', async () => {
    await expect(listTopicsWith({ KAFKA_SSL: 'true' })).resolves.not.toBe('served');
  });
});
