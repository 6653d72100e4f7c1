/**
 * Lets the runtime's event loop turn once, with a timer (a resolved promise would not: its
 * continuation runs before any I/O is looked at).
 *
 * Why the tasks Worker does this after every message: a task computes for seconds without letting
 * workerd's event loop see its sockets. Under `wrangler dev`, the local queue broker logs each
 * batch to wrangler's Node process over a pooled keep-alive connection that Node closes after 5 s
 * idle; when a task ran longer, workerd had not yet noticed the close, the broker's write failed
 * ("Broken pipe"), its flush threw outside its own error handling, and the local queue delivered
 * nothing more, ever (a GPT-2 job stuck at 3–4 layers; every TinyLlama job after its second
 * task). One turn of the loop before the invocation ends lets workerd drop the dead connection.
 * On Cloudflare it costs a few milliseconds of wall time and no CPU.
 */
export function yieldToRuntime(ms = 10): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
