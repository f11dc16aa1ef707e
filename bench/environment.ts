// Imported first by run.ts, so it runs before any function module is loaded: the functions' logger reads its level
// once, when its module is first imported, which is before any local helpdesk sets it.

// The local runtime's level (local/start.ts); the mail functions would otherwise log every message at INFO mid-table.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// The SDK's notice that its 2027 releases need Node 22 is known; printed mid-run it would only break up the output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
