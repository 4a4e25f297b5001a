export { REDACTED, redactCredentials, redactUrlCredentials } from "./redact-credentials"
