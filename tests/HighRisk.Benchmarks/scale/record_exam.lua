-- wrk script: POST /api/pregnancies/{id}/exams with a valid exam (产检) for a random pregnancy of a pre-selected set.
--   wrk -t2 -c16 -d60s --latency -s record_exam.lua http://127.0.0.1:5099 -- IDS_FILE TOKEN TODAY NEXT_APPOINTMENT
-- IDS_FILE holds one pregnancy id per line (thousands, all inside the health worker's scope, so that no single row
-- becomes a lock convoy). Each request carries a fresh Idempotency-Key, as the web app sends one per user action.
-- Bodies: 94 % normal values, 4 % hypertensive (140–150/90–95, yellow y_hdp), 1.5 % Hb 95 (yellow y_anaemia),
-- 0.5 % platelets 25 (red r_thrombocytopenia: a grade change with its alert and SMS outbox rows); the next normal
-- exam on that pregnancy brings the colour back, so grade-history rows are written "occasionally" (a few per cent).

local ids = {}
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  token = args[2]
  today = args[3]
  next_appointment = args[4]
  math.randomseed(os.time() * 100 + (tid or 0))
  local measure = function(m)
    return string.format('{"examDate":"%s","facilityCode":"430304-MCH","examiner":"压测医生","measurements":%s,"nextAppointment":"%s"}',
      today, m, next_appointment)
  end
  normal = {
    measure('{"systolicBp":118,"diastolicBp":76,"hemoglobin":121,"platelets":210,"fetalHeartRate":142,"fundalHeight":24}'),
    measure('{"systolicBp":124,"diastolicBp":80,"hemoglobin":117,"platelets":188,"fetalHeartRate":138,"weightKg":61.5}'),
    measure('{"systolicBp":110,"diastolicBp":70,"hemoglobin":128,"platelets":240,"fetalHeartRate":150,"urineProtein":"-"}'),
  }
  hypertensive = measure('{"systolicBp":146,"diastolicBp":93,"hemoglobin":120,"platelets":205,"fetalHeartRate":144,"urineProtein":"-"}')
  anaemic = measure('{"systolicBp":115,"diastolicBp":72,"hemoglobin":95,"platelets":199,"fetalHeartRate":140}')
  red = measure('{"systolicBp":120,"diastolicBp":78,"hemoglobin":118,"platelets":25,"fetalHeartRate":141}')
end

function request()
  counter = counter + 1
  local id = ids[math.random(#ids)]
  local r = math.random()
  local body
  if r < 0.005 then body = red
  elseif r < 0.02 then body = anaemic
  elseif r < 0.06 then body = hypertensive
  else body = normal[math.random(#normal)] end
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), tid or 0, counter),
  }
  return wrk.format("POST", "/api/pregnancies/" .. id .. "/exams", headers, body)
end
