package org.huian;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableProcessApplication("huian")
@EnableScheduling
@ConfigurationPropertiesScan
public class HuianApplication {

  public static void main(String[] args) {
    SpringApplication.run(HuianApplication.class, args);
  }
}
