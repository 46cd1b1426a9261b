-- wrk script for scripts/loadtest.sh: spreads requests over the paths listed in the file given after "--",
-- as if through the HTTPS-terminating proxy, and counts every answer that is not a 200.
local paths = {}
local next_path = 0
unexpected = 0  -- global, so done() can read it from each thread
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(paths, line) end
  end
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path], { ["X-Forwarded-Proto"] = "https" })
end

function response(status, headers, body)
  if status ~= 200 then unexpected = unexpected + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("unexpected") end
  local errors = summary.errors
  io.write(string.format("Requests: %d in %.1f s (%.1f per second)\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("Latency ms: median %.0f, p90 %.0f, p99 %.0f, max %.0f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("Errors: %d unexpected statuses, %d connect, %d read, %d write, %d timeouts\n",
    total, errors.connect, errors.read, errors.write, errors.timeout))
end
