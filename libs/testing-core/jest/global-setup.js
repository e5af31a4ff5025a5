// Every test runs in UTC so that date assertions do not depend on the machine's zone.
module.exports = async () => {
  process.env.TZ = 'UTC';
};
