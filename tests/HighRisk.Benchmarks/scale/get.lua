-- wrk script: GET one path with a bearer token.
--   wrk -t2 -c4 -d20s --latency -s get.lua http://127.0.0.1:5099 -- PATH TOKEN
function init(args)
  path = args[1]
  headers = { ["Authorization"] = "Bearer " .. args[2], ["Accept"] = "application/json" }
end

function request()
  return wrk.format("GET", path, headers)
end
