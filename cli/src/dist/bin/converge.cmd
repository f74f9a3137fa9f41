@echo off
rem converge launcher for Windows: JVM flags for a short-lived command line tool, and a
rem class-data-sharing archive made by the first run (see bin/converge for the reasons).
rem Extra flags: JAVA_OPTS; another JVM: JAVA_HOME; CONVERGE_CDS=off skips the archive.
setlocal
set "CONVERGE_HOME=%~dp0.."
set "JAR=%CONVERGE_HOME%\lib\converge.jar"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "FLAGS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if /i "%CONVERGE_CDS%"=="off" goto plain
if defined CONVERGE_CACHE_DIR (set "CACHE=%CONVERGE_CACHE_DIR%\cds") else (set "CACHE=%LOCALAPPDATA%\converge\cds")
set "ARCHIVE=%CACHE%\converge.jsa"
if exist "%ARCHIVE%" (
  "%JAVA%" %FLAGS% -XX:SharedArchiveFile="%ARCHIVE%" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off %JAVA_OPTS% "-Dconverge.home=%CONVERGE_HOME%" -jar "%JAR%" %*
  exit /b %ERRORLEVEL%
)
if not exist "%CACHE%" mkdir "%CACHE%" 2>nul
"%JAVA%" %FLAGS% -XX:ArchiveClassesAtExit="%ARCHIVE%" -Xlog:cds=off -Xlog:cds+dynamic=off %JAVA_OPTS% "-Dconverge.home=%CONVERGE_HOME%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:plain
"%JAVA%" %FLAGS% %JAVA_OPTS% "-Dconverge.home=%CONVERGE_HOME%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
