def log = new File(basedir, 'build.log').text
assert log.contains('broken.sql:3:') : 'the error names file:line:col'
assert log.contains('converge validate failed with exit code 65 (bad input)')
return true
