-- wrk script: posts hotline calls with unique call ids (each a new ticket) to /api/v1/calls.
-- Counts answers by status so that a run with errors is not mistaken for a fast one.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  -- The hotline system's API key: the local one of the embedded runtime unless HOTLINE_API_KEY says otherwise.
  wrk.headers["X-Api-Key"] = os.getenv("HOTLINE_API_KEY") or "local-only-hotline-key"
end

local template = [[{"callId":"BENCH-%d-%d-%d","receivedAt":"2026-11-28T09:15:00+08:00","channel":"PHONE",]] ..
  [["caller":{"name":"测试","phone":"13800138000"},"location":{"address":"徐汇区天平路156弄"},]] ..
  [["content":"来电人反映父亲82岁独居，最近行动不便，一日三餐成问题，希望街道安排助餐和上门探访。","urgent":false,]] ..
  [["household":{"size":2,"monthlyIncome":2800,"members":[{"age":82,"disabilityGrade":null,"chronicIllness":true}]}}]]
local run = os.time()

function request()
  counter = counter + 1
  return wrk.format(nil, "/api/v1/calls", nil, string.format(template, run, id, counter))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for status, n in pairs(s) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status %d: %d\n", status, n)) end
  io.write(string.format("p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
