# Build stage: compile and package the Spring Boot jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -ntp -DskipTests package

# Run stage: JRE only, non-root user, H2 data under /app/data unless profile postgres is used.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-wqy-microhei && rm -rf /var/lib/apt/lists/* \
    && groupadd --system huian && useradd --system --gid huian --home /app huian
WORKDIR /app
COPY --from=build /src/target/huian-*.jar /app/huian.jar
RUN mkdir -p /app/data && chown -R huian:huian /app
USER huian
EXPOSE 8080
# Beijing time: the monthly health-check report (cron 08:00 on the 1st) and the working-day calendar read the JVM zone
ENV TZ=Asia/Shanghai
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Shanghai"
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/huian.jar"]
