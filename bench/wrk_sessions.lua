-- Logged-in runs: each request carries one of several session cookies of the same user
-- (one per line in the file named after `--`), in turn, as many users' browsers would.
-- One shared session would make every request wait for the others' per-request update
-- of that session's row (allauth's user-session activity), which real users do not.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk_report.lua")

local cookies = {}
local counter = 0

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      cookies[#cookies + 1] = line
    end
  end
  counter = math.random(#cookies)
end

request = function()
  counter = counter % #cookies + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Cookie"] = cookies[counter]
  return wrk.format(nil, nil, headers)
end
